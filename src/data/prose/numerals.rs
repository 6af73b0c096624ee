//! Numbers in the prose outside the data: digits a placeholder should
//! carry, and numbers written in Chinese numerals (连续四年, 超百个).

/// Digits in the prose outside a placeholder: a number the data does not
/// type (its changes would go unseen), with their offset and text. Not a
/// number of the data: years and dates (2022年, 2月8日, 1-11月份, 9时30分),
/// ordinals (第7年, 连续3年), durations (近6年来, 70周年), centuries and
/// decades (21世纪, 90年代), versions (3.0版),
/// digits inside a Latin word or a quoted name (PM2.5, 5G, B2B, “211”,
/// ‘7·20’).
pub fn stray_digits(text: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut inside = false;
    let mut quoted = 0usize;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (at, c) = chars[i];
        match c {
            '{' => inside = true,
            '}' => inside = false,
            '“' | '「' | '《' | '‘' | '『' | '〈' => quoted += 1,
            '”' | '」' | '》' | '’' | '』' | '〉' => quoted = quoted.saturating_sub(1),
            _ => {}
        }
        // Full-width digits (１２个) are digits too, typed otherwise.
        let digit = |c: char| c.is_ascii_digit() || ('０'..='９').contains(&c);
        if inside || quoted > 0 || !digit(c) {
            i += 1;
            continue;
        }
        // The whole run of the number: digits, a point, a dash of a range.
        let mut j = i;
        while j < chars.len() && (digit(chars[j].1) || matches!(chars[j].1, '.' | '．')) {
            j += 1;
        }
        let end = chars.get(j).map_or(text.len(), |&(b, _)| b);
        let digits = &text[at..end];
        let prev = i.checked_sub(1).map(|k| chars[k].1);
        let next: String = text[end..].chars().take(3).collect();
        let latin = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic());
        // A year is four digits (近6年来 is a duration: a figure).
        let year = digits.len() == 4 && next.starts_with(['年', '—', '-', '至']);
        let full_width = !digits.is_ascii();
        // 连续3年 says what 连续第3年 does: the years of a standing (which
        // a ranking's `years` carries and the checks compare).
        let running = next.starts_with('年')
            && (text[..at].ends_with("连续") || text[..at].ends_with("連續"));
        let exempt = latin(prev)
            || latin(next.chars().next())
            || prev == Some('第')
            || running
            || year
            || [
                "月",
                "日",
                "号",
                "时",
                "点",
                "分",
                "周年",
                "版",
                "届",
                "次会议",
                // 21世纪, 90年代: times, as years are (round 24: 21世纪“海丝名城”
                // of a real report was refused).
                "世纪",
                "年代",
            ]
            .iter()
            .any(|w| next.starts_with(w))
            || next.starts_with(['-', '—', '～', '~', '至'])
                && text[end..]
                    .chars()
                    .nth(1)
                    .is_some_and(|c| c.is_ascii_digit());
        if !exempt || full_width {
            out.push((at, digits.to_string()));
        }
        i = j.max(i + 1);
    }
    out
}

/// N of a `连续N年` that ends `text`, and N as written.
pub(super) fn years_before(text: &str) -> Option<(i64, &str)> {
    let rest = text.strip_suffix('年')?;
    // 连续四年, 连续第7年, and the traditional 連續.
    let (start, word) = ["连续", "連續"]
        .iter()
        .filter_map(|w| rest.rfind(w).map(|i| (i, *w)))
        .max_by_key(|(i, _)| *i)?;
    let written = &rest[start + word.len()..];
    let n = chinese_number(written.strip_prefix('第').unwrap_or(written))?;
    (n.fract() == 0.0).then_some((n as i64, written))
}

/// A number written in Chinese numerals, digits, or both: 四 → 4, 十二 →
/// 12, 两千 → 2000, 百 → 100, 1.5万 → 15000, 2.3亿 → 230000000.
pub fn chinese_number(s: &str) -> Option<f64> {
    // Traditional characters count as their simplified forms (1.5萬, 兩千).
    let s = s
        .trim()
        .replace('萬', "万")
        .replace('億', "亿")
        .replace('兩', "两");
    let s = s.as_str();
    if s.is_empty() {
        return None;
    }
    if let Ok(n) = crate::data::model::Num::parse(s) {
        return Some(n.get());
    }
    // Digits before a magnitude: 1.5万, counted in whole numbers so that
    // 2.3亿 is 230000000 exactly.
    for (unit, zeros) in [
        ("万亿", 12),
        ("亿", 8),
        ("千万", 7),
        ("百万", 6),
        ("万", 4),
        ("千", 3),
        ("百", 2),
    ] {
        if let Some(n) = s
            .strip_suffix(unit)
            .and_then(|d| crate::data::model::Num::parse(d).ok())
        {
            let decimals = n.decimals() as u32;
            let mantissa: i128 = n.text().replace('.', "").parse().ok()?;
            if decimals <= zeros {
                return Some((mantissa * 10i128.pow(zeros - decimals)) as f64);
            }
            return Some(n.get() * 10f64.powi(zeros as i32));
        }
    }
    let digit = |c: char| -> Option<i64> {
        Some(match c {
            '零' | '〇' => 0,
            '一' => 1,
            '二' | '两' => 2,
            '三' => 3,
            '四' => 4,
            '五' => 5,
            '六' => 6,
            '七' => 7,
            '八' => 8,
            '九' => 9,
            _ => return None,
        })
    };
    let (mut total, mut section, mut pending): (i64, i64, Option<i64>) = (0, 0, None);
    for c in s.chars() {
        if let Some(d) = digit(c) {
            pending = Some(d);
            continue;
        }
        let unit = match c {
            '十' => 10,
            '百' => 100,
            '千' => 1000,
            '万' => 10_000,
            '亿' => 100_000_000,
            _ => return None,
        };
        if unit >= 10_000 {
            section += pending.take().unwrap_or(0);
            total = (total + section.max(1)) * unit;
            section = 0;
        } else {
            section += pending.take().unwrap_or(1) * unit;
        }
    }
    Some((total + section + pending.unwrap_or(0)) as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_chinese_numerals() {
        for (s, n) in [
            ("四", 4.0),
            ("十", 10.0),
            ("十二", 12.0),
            ("二十四", 24.0),
            ("百", 100.0),
            ("一百", 100.0),
            ("两千", 2000.0),
            ("三万", 30000.0),
            ("100", 100.0),
            ("1.5万", 15000.0),
            // digits before 千万 or 百万, as county reports write them (round 18)
            ("5千万", 50_000_000.0),
            ("1.2千万", 12_000_000.0),
            ("5百万", 5_000_000.0),
            ("2.3亿", 230_000_000.0),
            ("172.80", 172.8),
            // Traditional characters (wenchang-2023 is in them).
            ("1.5萬", 15000.0),
            ("1.2億", 120_000_000.0),
            ("兩千", 2000.0),
        ] {
            assert_eq!(chinese_number(s), Some(n), "{s}");
        }
        assert_eq!(chinese_number("几"), None);
    }

    #[test]
    fn years_are_read_from_the_text() {
        assert_eq!(years_before("综合指标排名连续四年"), Some((4, "四")));
        assert_eq!(years_before("综合指标排名"), None);
        assert_eq!(years_before("轄區經濟連續第7年"), Some((7, "第7")));
    }

    #[test]
    fn digits_outside_placeholders_are_found_except_dates_and_names() {
        let found =
            |t: &str| -> Vec<String> { stray_digits(t).into_iter().map(|(_, d)| d).collect() };
        assert_eq!(found("新增{a}，其中12项"), ["12"]);
        assert_eq!(found("增长{x.yoy}达92.9亿元"), ["92.9"]);
        assert_eq!(found("近6年来持续领跑"), ["6"]);
        assert_eq!(found("连续3个季度增长"), ["3"]);
        assert_eq!(found("China’s 12项"), ["12"]);
        // Full-width digits are found wherever they stand (hostile round 5).
        assert_eq!(found("新建口袋公园１２个"), ["１２"]);
        assert_eq!(found("２０２２年"), ["２０２２"]);
        for fine in [
            "2022年，哈尔滨新区",
            "2月8日，南沙区",
            "1-11月份",
            "凌晨1时30分",
            "连续第7年",
            "连续3年位居全市第一",
            "‘7·20’特大暴雨",
            "『1+N』政策体系",
            "建国70周年",
            "营商环境3.0版",
            "PM2.5浓度",
            "5G基站",
            "B2C、B2B出口",
            "“211”工程",
            "2019—2020年",
            "第四届人民代表大会第4次会议",
            "21世纪“海丝名城”核心区",
            "上世纪90年代",
        ] {
            assert!(found(fine).is_empty(), "{fine}: {:?}", found(fine));
        }
    }
}
