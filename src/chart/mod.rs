//! Native bar charts, one writer for the .pptx and the .docx: the chart part
//! (`c:chartSpace`) and the workbook embedded with it, which "Edit Data"
//! opens. A chart is made from what the templates mark (`<brief-chart>`):
//! its categories, values and the labels the PDF prints. The data decides
//! what the chart means: a comparison of last year's result with this
//! year's goal is one clustered chart of two named series, a share chart
//! has its 0–100 % track as a second series, and a decrease is never drawn
//! as growth.

mod part;
pub mod xml;

pub use part::{number_format, part, workbook};

use typst::foundations::{Array, Dict, FromValue};
use typst::visualize::Color;

use crate::data::Dataset;
use crate::data::look::Look;
use crate::data::model::Figure;

pub use crate::data::look::Rgb;

impl Rgb {
    fn of(c: &Color) -> Rgb {
        let [r, g, b, _] = c.to_vec4_u8();
        Rgb([r, g, b])
    }
}

/// How a series' bars are filled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    Solid(Rgb),
    /// Diagonal hatching in the colour on white: last year, as the PDF
    /// draws it in black and white.
    Hatch(Rgb),
}

/// One series: a value for each category, with the label the PDF prints.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<f64>,
    pub labels: Vec<String>,
    pub fill: Fill,
    /// Labels shown (a share's track has none).
    pub labelled: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Bars of one series.
    Bars,
    /// Shares of a whole: the value over a 0–100 % track.
    Shares,
    /// One pair of a comparison, as the templates mark it (made a
    /// [`Kind::Compare`] chart by [`compare_pairs`]).
    Pair,
    /// Last year beside this year: two named series, a legend where keyed.
    Compare,
}

/// A horizontal bar chart, categories top to bottom as in the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub kind: Kind,
    pub title: String,
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    /// The value axis' fixed bounds.
    pub min: f64,
    pub max: f64,
    /// The face of names and labels, its size in points, the text colour.
    pub font: String,
    pub size: f64,
    pub text: Rgb,
    /// Where the bars lie across the chart's width (left edge and width,
    /// fractions): names left of them, labels right.
    pub plot: Option<(f64, f64)>,
    /// A comparison's first pair in a document that draws no key of its
    /// own: it carries the legend (and, in the .docx, the title and note).
    pub key: bool,
}

fn get<T: FromValue>(d: &Dict, key: &str) -> Option<T> {
    d.get(key).ok()?.clone().cast::<T>().ok()
}

/// The family a template names for a role: the theme's face, written alone
/// when it is brief's own and as `(face, brief's own)` when it is not (the
/// second is the fallback of a machine without it).
fn family(d: &Dict, key: &str) -> Option<String> {
    get::<String>(d, key).or_else(|| {
        get::<Array>(d, key)?
            .into_iter()
            .next()?
            .cast::<String>()
            .ok()
    })
}

fn list<T: FromValue>(d: &Dict, key: &str) -> Vec<T> {
    get::<Array>(d, key)
        .map(|a| a.into_iter().filter_map(|v| v.cast::<T>().ok()).collect())
        .unwrap_or_default()
}

impl Chart {
    /// The chart a `<brief-chart>` mark describes. `track`: the colour of a
    /// share's empty rest; `face`: the family a client names for a family.
    pub fn from_spec(spec: &Dict, track: Rgb, face: impl Fn(&str) -> String) -> Chart {
        let values: Vec<f64> = get::<Array>(spec, "values")
            .map(|a| {
                a.into_iter()
                    .map(|v| v.cast::<f64>().unwrap_or(0.0))
                    .collect()
            })
            .unwrap_or_default();
        let n = values.len();
        let mut labels: Vec<String> = list(spec, "labels");
        labels.resize(n, String::new());
        let mut names: Vec<String> = list(spec, "names");
        names.resize(n, String::new());
        let hatched: Vec<bool> = list(spec, "hatched");
        let color = get::<Color>(spec, "color")
            .map(|c| Rgb::of(&c))
            .unwrap_or(Rgb([0x33, 0x41, 0x4F]));
        let title: String = get(spec, "title").unwrap_or_default();
        let max: Option<f64> = get(spec, "max");
        let font = family(spec, "font").unwrap_or_else(|| crate::fonts::BUNDLED_SANS.into());
        let plot = get::<Dict>(spec, "plot")
            .and_then(|p| Some((get::<f64>(&p, "x")?, get::<f64>(&p, "w")?)));

        let base = Chart {
            kind: Kind::Bars,
            title: title.clone(),
            categories: names.clone(),
            series: Vec::new(),
            min: 0.0,
            max: 0.0,
            font: face(&font),
            size: get(spec, "size").unwrap_or(10.5),
            text: get::<Color>(spec, "text")
                .map(|c| Rgb::of(&c))
                .unwrap_or(Rgb([0x1A, 0x1A, 0x1A])),
            plot,
            key: false,
        };
        let mut chart = if n == 2 && hatched == [true, false] {
            // One pair of a comparison: last year hatched, this year solid.
            Chart {
                kind: Kind::Pair,
                categories: vec![title],
                series: vec![
                    Series {
                        name: names[0].clone(),
                        values: vec![values[0]],
                        labels: vec![labels[0].clone()],
                        fill: Fill::Hatch(color),
                        labelled: true,
                    },
                    Series {
                        name: names[1].clone(),
                        values: vec![values[1]],
                        labels: vec![labels[1].clone()],
                        fill: Fill::Solid(color),
                        labelled: true,
                    },
                ],
                ..base
            }
        } else if let Some(whole) = max {
            // Shares: the track first, drawn behind the value.
            Chart {
                kind: Kind::Shares,
                series: vec![
                    Series {
                        name: format!("{}%", number(whole)),
                        values: vec![whole; n],
                        labels: vec![String::new(); n],
                        fill: Fill::Solid(track),
                        labelled: false,
                    },
                    Series {
                        name: title,
                        values,
                        labels,
                        fill: Fill::Solid(color),
                        labelled: true,
                    },
                ],
                ..base
            }
        } else {
            Chart {
                series: vec![Series {
                    name: if title.is_empty() {
                        "数值".into()
                    } else {
                        title
                    },
                    values,
                    labels,
                    fill: if hatched.first() == Some(&true) {
                        Fill::Hatch(color)
                    } else {
                        Fill::Solid(color)
                    },
                    labelled: true,
                }],
                ..base
            }
        };
        chart.bounds(max);
        chart
    }

    /// The value axis from 0 (or the smallest value) to the scale's end,
    /// as the PDF scales the bars: fixed, so that the scale does not move.
    fn bounds(&mut self, max: Option<f64>) {
        let all = self.series.iter().flat_map(|s| s.values.iter().copied());
        let (lo, hi) = all.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        self.min = lo;
        self.max = max.unwrap_or(hi).max(hi);
        if self.max <= self.min {
            self.max = self.min + 1.0;
        }
    }

    /// Whether the chart shows a legend (the series mean something apart).
    pub fn legend(&self) -> bool {
        self.kind == Kind::Compare && self.key
    }

    /// Every character the chart shows, for the faces a document embeds.
    pub fn text(&self) -> String {
        let mut s = self.title.clone();
        for c in &self.categories {
            s += c;
        }
        for series in &self.series {
            s += &series.name;
            for l in &series.labels {
                s += l;
            }
        }
        s
    }
}

/// A number as a label prints it: 100, 2.5.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The pairs of a comparison (last year's result beside this year's figure
/// or target), each a chart of two series named by `names` on its own
/// axis, as the PDF scales each pair by its larger bar: 66个 projects and
/// 7500个 jobs on one axis would compare what cannot be. `keyed`: the first
/// pair of each run carries the legend (a document that draws none).
pub fn compare_pairs<T>(
    charts: Vec<(T, Chart)>,
    names: &(String, String),
    keyed: bool,
) -> Vec<(T, Chart)> {
    let mut first = true;
    charts
        .into_iter()
        .map(|(place, mut chart)| {
            if chart.kind == Kind::Pair {
                chart.kind = Kind::Compare;
                chart.series[0].name = names.0.clone();
                chart.series[1].name = names.1.clone();
                chart.key = keyed && first;
                first = false;
            } else {
                first = true;
            }
            (place, chart)
        })
        .collect()
}

/// The series names of a comparison: the theme's words for last year's
/// result and this year's target (2022年实绩, 2023年目标).
pub fn compare_names(look: &Look, data: &Dataset) -> (String, String) {
    let year = |y: i64| y.to_string();
    (
        look.word("result", &[("year", &year(data.achievements.year))]),
        look.word("target", &[("year", &year(data.plan.year))]),
    )
}

/// Decreases drawn as such: a bar whose data says a decrease (下降3%, a
/// target to lower) is negative, whatever the label's digits. `down`: the
/// vocabulary's verbs of decrease.
pub fn sign_decreases(chart: &mut Chart, data: &Dataset, down: &dyn Fn(&str) -> bool) {
    let figures = |part: &crate::data::model::Part| -> Vec<Figure> {
        part.sections
            .iter()
            .flat_map(|s| s.figures.iter().cloned())
            .collect()
    };
    let achieved = figures(&data.achievements);
    let planned = figures(&data.plan);
    // What an achievements figure says of its year: its change, where the
    // chart shows the change (a figure not in % with a change).
    let yoy_down = |f: &Figure| {
        !matches!(f.unit.as_deref(), Some("%" | "‰"))
            && f.yoy.as_ref().is_some_and(|y| down(&y.verb))
    };
    let target_down = |indicator: &str| {
        data.plan
            .targets
            .iter()
            .any(|t| t.indicator == indicator && t.verb.as_deref().is_some_and(down))
    };
    for (i, category) in chart.categories.clone().iter().enumerate() {
        let mut flip = vec![false; chart.series.len()];
        match chart.kind {
            Kind::Compare | Kind::Pair => {
                // The plan's figure or target, and the result it is compared with.
                let compare = planned
                    .iter()
                    .find(|f| &f.label == category)
                    .and_then(|f| f.compare.clone())
                    .or_else(|| {
                        data.plan
                            .targets
                            .iter()
                            .find(|t| &t.indicator == category)
                            .and_then(|t| t.compare.clone())
                    });
                if let Some(before) = compare.and_then(|id| achieved.iter().find(|f| f.id == id)) {
                    flip[0] = yoy_down(before);
                }
                if flip.len() > 1 {
                    flip[1] = target_down(category);
                }
            }
            Kind::Bars => flip[0] = target_down(category),
            Kind::Shares => {}
        }
        for (series, f) in chart.series.iter_mut().zip(flip) {
            if let Some(v) = series.values.get_mut(i)
                && f
                && *v > 0.0
            {
                *v = -*v;
            }
        }
    }
    let max = (chart.kind == Kind::Shares).then_some(chart.max);
    chart.bounds(max);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(title: &str, values: &[f64]) -> Chart {
        Chart {
            kind: Kind::Pair,
            title: title.into(),
            categories: vec![title.into()],
            series: values
                .iter()
                .map(|v| Series {
                    name: String::new(),
                    values: vec![*v],
                    labels: vec![format!("{v}")],
                    fill: Fill::Solid(Rgb([0, 0, 0])),
                    labelled: true,
                })
                .collect(),
            min: 0.0,
            max: values.iter().copied().fold(0.0, f64::max),
            font: "F".into(),
            size: 10.0,
            text: Rgb([0, 0, 0]),
            plot: None,
            key: false,
        }
    }

    #[test]
    fn each_pair_is_a_chart_of_two_named_series_on_its_own_axis() {
        let names = ("2022年实绩".to_string(), "2023年目标".to_string());
        let mut shares = bar("S", &[1.0]);
        shares.kind = Kind::Shares;
        let charts = compare_pairs(
            vec![
                (1, bar("A", &[66.0, 100.0])),
                (2, bar("B", &[7500.0, 8000.0])),
                (3, shares),
                (4, bar("C", &[1.0, 2.0])),
            ],
            &names,
            true,
        );
        assert_eq!(charts.len(), 4);
        let (a, b) = (&charts[0].1, &charts[1].1);
        assert_eq!(a.kind, Kind::Compare);
        assert_eq!(a.categories, ["A"]);
        assert_eq!(a.series[0].name, "2022年实绩");
        assert_eq!(a.series[1].name, "2023年目标");
        assert_eq!((a.max, b.max), (100.0, 8000.0));
        // The key once a run: on A and on C, after the shares.
        let keys: Vec<bool> = charts.iter().map(|(_, c)| c.legend()).collect();
        assert_eq!(keys, [true, false, false, true]);
        // A document that draws its own key: none.
        let none = compare_pairs(vec![(1, bar("A", &[1.0, 2.0]))], &names, false);
        assert!(!none[0].1.legend());
    }

    #[test]
    fn a_decrease_is_never_drawn_as_growth() {
        let part = |y: &str| yaml_serde::from_str::<crate::data::model::Part>(y).unwrap();
        let data = Dataset {
            meta: yaml_serde::from_str(
                "kind: meta\ntitle: T\nregion: R\nmasthead: M\nachievements: a.yaml\nplan: p.yaml\n",
            )
            .unwrap(),
            achievements: part(
                "kind: achievements\nyear: 2022\nsections:\n  - id: s\n    paragraphs: []\n    figures:\n      - { id: energy, label: 能耗, value: 5, unit: 万吨, yoy: { value: 3, verb: 下降 } }\n",
            ),
            plan: part(
                "kind: plan\nyear: 2023\ntargets:\n  - { id: t, indicator: 单位能耗, verb: 下降, value: 2, unit: \"%\", compare: energy }\nsections: []\n",
            ),
        };
        let mut c = bar("单位能耗", &[3.0, 2.0]);
        c.kind = Kind::Compare;
        sign_decreases(&mut c, &data, &|v| v == "下降");
        assert_eq!(c.series[0].values, [-3.0]);
        assert_eq!(c.series[1].values, [-2.0]);
        assert_eq!((c.min, c.max), (-3.0, 0.0));
    }

    #[test]
    fn colours_parse() {
        assert_eq!(Rgb::parse("#C00000"), Some(Rgb([0xC0, 0, 0])));
        assert_eq!(Rgb::parse("red"), None);
    }
}
