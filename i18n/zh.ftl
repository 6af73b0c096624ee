# brief 的中文消息。每条消息在 en.ftl 中都有对应的英文（测试检查两份目录的消息一致，且每条都被用到）。
# 术语：数据文件、字段、模板、简报、幻灯片、演讲者备注（见 docs/guide.zh.md 的术语表）。
# 字面的花括号写作 {"{"} 和 {"}"}。

## 常用词

word-error = 错误
word-warning = 警告
list-separator = 、
note-field = 字段：{ $path }
note-hint = 提示：{ $hint }
hint-did-you-mean = 您是不是想写 `{ $word }`？
hint-project-root = 项目根目录是 `--project` 指定的文件夹：模板、数据及其读取的文件都必须在其中
kind-text = 文字
kind-whole = 整数
kind-number = 数字
kind-boolean = true 或 false
kind-list = 列表
kind-mapping = 映射（若干字段）
kind-null = null
role-meta = 文档信息文件
role-achievements = 成效文件
role-plan = 计划文件
role-theme = 主题文件
role-template = 模板文件
doc-briefing = 简报
doc-slides = 幻灯片
doc-handout = 讲义

## 命令行

help-brief = 把 data/ 中的 YAML 数据生成为简报 PDF、幻灯片，以及（按需）可编辑的 PowerPoint
help-build = 校验数据，写出 out/briefing.pdf 和 out/slides.pdf（以及选项要求的其他文件）
help-watch = 先生成一次，之后数据、模板、主题或字体一有改动就重新生成
help-check = 校验数据并编译模板，不写出任何文件
help-fonts = 列出模板可用的字体及其来源
help-schema = 输出数据文件的 JSON Schema（与 schema/brief.schema.json 相同）
help-init = 新建一个可直接生成的项目；加 --from 时由今年的项目生成下一年的项目
help-usage = 用法：
help-commands = 命令
help-command = 命令
help-options = 选项
help-arguments = 参数
help-help = 显示帮助
help-version = 显示版本
help-values = （可选值：{ $values }）
help-default = （默认：{ $value }）
help-env = （环境变量：{ $name }）
help-lang = 消息和帮助的语言：zh 或 en（默认取自 LC_ALL、LC_MESSAGES 或 LANG；也可用 BRIEF_LANG）
help-project = 项目文件夹，其中有 data/、templates/ 和 fonts/
help-font-path = 另一个查找字体的文件夹（可重复）
help-system-fonts = 同时使用本机安装的字体（不同机器上的输出可能因此不同）
help-only = 只生成其中一份文档
help-creation-timestamp = 生成时间，UNIX 秒数（1970 至 9999 年）：写入 PDF 元数据；meta.yaml 没有 date 时也作为文档显示的日期
help-strict = 把警告当作错误：没有字体能显示的字符、溢出的幻灯片、超出版面或压住其他文字的内容、缺少的字体
help-draft = 即使还有待填的值（null）也生成：待填处显示【待填】，每页标“草稿”
help-timeout = 一次运行（校验、编译、写出）超过这么多秒就停止（退出码 6）
help-memory-limit = 运行占用内存超过这么多 MiB 就停止（退出码 7）
help-diagnostic-format = 错误和警告的输出格式
help-out = 输出文件夹（默认：项目中的 out/）
help-format = 输出格式：pdf，或每页一张图片（png、svg）
help-ppi = PNG 图片的分辨率，每英寸像素数（24 至 2400）
help-pdf-standard = 要符合的 PDF 标准，如存档用的 a-2b（可重复，或用逗号分隔）
help-handout = 另写出 out/handout.pdf：A4 讲义，每张幻灯片旁附演讲者备注
help-pptx = 另写出 out/slides.pptx：可编辑的 PowerPoint 幻灯片
help-pptx-font = 在 .pptx 中用另一字体名代替内置字体，如 "Noto Sans SC=微软雅黑"；写 office 则用微软雅黑和宋体（可重复）
help-force = 即使输出已是最新也重新生成
help-wait = 另一个 brief 正在写同一输出文件夹时，最多等待这么多秒
help-debounce = 改动之后等待多少毫秒无新改动再重新生成
help-variants = 列出每个字体族的全部样式和字重
help-schema-theme = 改为输出主题文件（theme.yaml）的 JSON Schema
help-init-dir = 新项目的文件夹（不存在或为空）
help-init-from = 以其计划作为新项目成效的现有项目
help-init-templates = 同时把 brief 的模板复制到项目中（项目要用自己的模板时）

arg-unknown = 未知选项 `{ $arg }`
arg-suggest = ；您是不是想写 `{ $arg }`？
arg-invalid = `{ $value }` 不是 `{ $arg }` 的有效值
arg-invalid-env = 环境变量 { $var } 的值 `{ $value }` 不是 `{ $arg }` 的有效值：请删除它，或设为自 1970 年起的整秒数
arg-missing = 缺少：{ $arg }
arg-subcommand = 未知命令 `{ $arg }`
arg-conflict = `{ $arg }` 不能与 `{ $other }` 同用
arg-see-help = 查看全部命令和选项：brief --help
arg-not-integer = `{ $value }` 不是整数
arg-not-number = `{ $value }` 不是数字
arg-range = { $value } 超出范围：应在 { $min } 至 { $max } 之间
arg-ppi-range = { $value } 超出范围：应为每英寸 24 至 2400 像素
arg-timestamp-range = { $value } 超出范围：生成时间应在 0（1970 年）至 { $max }（9999 年末）之间
arg-face = `{ $value }` 的格式应为 字体族=名称（或 office）
arg-face-name = `{ $value }`：字体名称最多 { $max } 个字符，不能含 `=` 和控制字符、不可见字符

## 用法错误

usage-no-project = 无法打开项目文件夹 { $path }：{ $error }
usage-no-data = { $root } 中没有 data/ 文件夹：请在项目文件夹中运行 brief，或用 --project DIR 指定，或用 brief init DIR 新建
usage-data-given = { $root } 是项目的 data/ 文件夹本身：请指定它所在的项目文件夹 { $parent }
usage-font-path = --font-path { $path }：没有这个文件夹
usage-font-path-file = --font-path { $path }：不是文件夹；--font-path 后面写字体文件所在的文件夹（--font-path { $folder }）
usage-handout = --handout 由幻灯片的 PDF 生成：请去掉 --only briefing 和 --format
usage-pptx-only = --pptx 由幻灯片生成：请去掉 --only briefing
usage-pptx-font = --pptx-font 须与 --pptx 同用
usage-out-inside = --out { $out } 位于 brief 读取的 { $input } 之内：输出会被当作输入再读（watch 会无休止地重建）；请选 data/、templates/、字体文件夹和 theme.yaml 之外的文件夹
usage-archival-date = PDF/A 文档需要生成日期：请加 --creation-timestamp UNIX秒数、设置 SOURCE_DATE_EPOCH，或在 data/meta.yaml 中写 `date:`
usage-init-not-empty = { $dir } 不是空文件夹：brief init 只在新的或空的文件夹中新建项目
usage-init-not-folder = { $dir } 是一个文件，不是文件夹：请给出一个新的或空的文件夹

## 失败

fail-unchanged = ；所有输出均未改动
fail-data = 数据有 { $count } 处错误
fail-templates = 模板有 { $count } 处错误
fail-strict = 在 --strict 下发现 { $count } 处问题
fail-timeout = 编译 { $path } 超过 { $seconds } 秒（--timeout），模板可能陷入了死循环
fail-timeout-run = 运行超过 { $seconds } 秒（--timeout），已停止
fail-timeout-doing = 运行超过 { $seconds } 秒（--timeout），在{ $doing }时停止
doing-lock = 等待另一个 brief 用完 { $dir }
doing-data = 读取和检查数据
doing-fonts = 查找和读取字体文件（fonts/、--font-path）
doing-compile = 编译文档
doing-export = 导出排好的页面（PDF 或按 --ppi 的页面图片、.pptx、.docx）
doing-write = 写入输出文件
fail-crash = Typst 编译器在 { $path } 上崩溃（这是缺陷：请连同数据和模板一起报告）
fail-export = 无法导出 { $name }
fail-export-crash = 导出文档时崩溃（这是缺陷：请报告）
fail-pptx = 无法写出 .pptx：{ $error }
fail-locked = 另一个 brief 正在写 { $dir }（已等待 { $seconds } 秒；用 --wait 秒数 可等更久）
fail-memory = 运行在{ $doing }时占用的内存超过 { $limit } MiB（--memory-limit），已停止；所有输出均未改动。{ $hint }
fail-memory-data = 数据文件或指标表格过大：请精简，或调高 --memory-limit
fail-memory-fonts = 字体文件过大：请从 fonts/ 或 --font-path 中移除字体，或调高 --memory-limit
fail-memory-compile = 高 --ppi 的页面图片或生成巨大数值的模板需要更多内存：请调高 --memory-limit 或调低 --ppi
template-missing = 缺少模板 { $path }
io-create-dir = 无法创建输出文件夹 { $dir }
io-temporary = 无法在 { $dir } 中创建临时文件
io-write = 无法写入 { $path }
io-stdout = 无法写入标准输出
io-replace = 无法替换 { $path }
io-is-folder = { $path } 是文件夹：输出文件不能写在那里
io-keep = 无法把改过的文件保留为 { $path }
io-lock-open = 无法打开锁文件 { $path }
io-lock = 无法锁定 { $path }
io-trace = 无法写出跟踪文件 { $path }：{ $error }
world-no-packages = 不能使用 Typst 包：brief 离线运行；请把需要的内容复制到 templates/
world-outside = { $file } 指向项目之外（{ $target }）；brief 只读取 { $root } 中的文件

## 进度

status-up-to-date = { $dir }/ 中的输出已是最新（{ $ms } 毫秒）；无需生成（--force 可强制重新生成）
status-wrote = 已写出 { $path }
status-built = 已生成 { $summary }，用时 { $seconds } 秒
status-rebuilt = 已重新生成 { $summary }，用时 { $ms } 毫秒
status-checked = 数据和模板均无问题：{ $summary }
status-changed = 数字有变：{ $line }
status-removed = 已删除 { $path }（由之前的生成写出，本次不再需要）
status-recovered = 已补完一次在写出时被中断的生成的输出
status-rolled-back = 已恢复一次在写出时被中断的生成原先的输出
status-set-aside = 输出文件夹中的 { $name } 不是 brief 写的文件（链接、管道、设备、过大，或指向别处的文件）：已移到 { $bad }，未使用
output-kept = 在 brief 写出后被改过（或不是 brief 写的）：已保留为 { $kept }，新的 { $name } 写在原处
output-kept-hint = 保留下来的文件归您所有：brief 不把它算作自己的输出，也从不删除它。改过的文件最好另存为自己的文件名，免得与 brief 的输出同名
output-left = 在 brief 写出后被改过：原样保留，不再算作 brief 的输出；brief 下次写 { $name } 之前，会先把它另存为带日期的文件名
status-watching = 正在监视 { $dir }（按 Ctrl-C 停止）
status-watching-fix = ；修改后会自动重新生成
status-retry = ；{ $seconds } 秒后重试
status-stopped = 已停止监视
status-draft = 这是草稿：{ $count } 处待填的值显示为【待填】
warn-timestamp-not-shown = 生成时间是 { $date }，早于成效年份 { $year } 或晚于 2200 年：文档上不印日期；要印日期，请在 data/meta.yaml 中写 `date:`
status-init = 已在 { $dir } 中新建项目（{ $count } 个文件）
status-init-next = 下一步：cd { $dir } && brief build{ $draft }
summary-doc = { $doc }（{ $pages } 页）

## 变化报告

changes-title = 自上次生成以来有变化的数字
changes-line = `{ $key }` { $label }（{ $place }）：{ $before } → { $after }（{ $docs }）
changes-none = （无）
changes-pending = ；尚未重新生成、仍显示旧文字的：{ $docs }
changes-kept-title = { $when } 保留的修改
changes-kept-line = `{ $name }` 在 brief 写出后被改过（或不是 brief 写的）：已保留为 `{ $kept }`
changes-no-figure = 没有数字、目标或排名变化。

## 文档检查

check-slide-overflow = 第 { $page } 张幻灯片的内容超出页面
check-slide-overflow-hint = 请缩短文字，或让模板把它分到更多幻灯片上
check-outside = 第 { $page } 页：“{ $text }”超出页面或版心
check-overlap = 第 { $page } 页：“{ $first }”压住了“{ $second }”
check-notdef = 第 { $page } 页：“{ $ch }”在 { $family } 中画成了空框，但有字体含有这个字：某个字体文件已损坏，或在生成期间被改动
check-notdef-more = ；另有 { $count } 个字也是如此
font-too-large = { $path }：{ $mb } MB，作为字体文件过大（上限 { $limit } MB），未读取
font-not-a-font = { $path }：brief 读不出字体（文件损坏、不完整，或不是字体）
font-broken = { $path }：这个字形文件无法载入或画不出字（文件损坏，或在生成期间被改动）
font-too-many = { $path }：查找字体时读了 { $count } 个文件和文件夹后停止
font-too-many-hint = 请用 --font-path 指定存放字体的文件夹，不要指定其上层的大文件夹
font-file-hint = 请换成完好的文件或删除它（删除后 brief 使用自带的字体）；在此之前不会生成文档
font-not-a-folder = { $path }：不是 brief 能打开的文件夹（链接指向的文件夹已不存在，或者它是一个文件）
font-not-a-folder-hint = 请让链接指向字体文件夹，或删除它（删除后 brief 使用自带的字体）
fail-fonts = { $count } 个字体问题
fail-fonts-changed = 生成文档期间字体文件被改动，请重新运行
fail-font-fault = 错误：brief 读取字体文件时，该文件被截短或改动；输出文件未作任何更改。请重新运行。
check-layout-hint = 请缩短该值或文字（各项上限见 docs/guide.zh.md），或修改模板
figure-unshown = 数字 `{ $id }`（{ $label }）在{ $doc }中没有出现
figure-unshown-hint = 请在段落中用占位符引用它、标为 `headline: true`，或把它列入某个图表；brief 不会替它编写文字
glyph-missing = 没有可用字体能显示“{ $ch }”（{ $code }）；它会印成空方框
glyph-missing-hint = 请替换该字符，或用 --font-path 加入含有它的字体（brief fonts 可列出字体）
font-missing = 字体文件夹中没有字体“{ $family }”
font-missing-hint = 请把字体文件放进 fonts/，或用 --font-path DIR 指定（brief fonts 可列出已找到的字体）
font-missing-fallback = 字体文件夹中没有预设为{ $role }指定的字体“{ $family }”，改用 brief 自带的同用途字体
font-missing-fallback-hint = 要用这个字体，请把字体文件放进 fonts/ 或用 --font-path DIR 指定；要换用别的字体，在 theme.yaml 的 fonts: 下写明

## 数据文件的问题

data-cannot-read = 无法读取文件：{ $error }
data-outside = 指向项目之外（{ $target }）；数据文件必须在项目之中
data-not-a-file = 不是普通文件（是文件夹、管道或设备）：数据文件必须是普通文件
data-too-large = 文件有 { $bytes } 字节；数据文件最大 { $limit } KiB
data-binary = 这是二进制文件（含 NUL 字节），不是 YAML 文本
data-not-utf8 = 文件不是有效的 UTF-8（第 { $byte } 字节）
data-not-utf8-hint = 请将文件保存为 UTF-8 编码
data-empty = 文件是空的
data-null-file = 文件里只有一个空值（`~`），等于空文件
data-empty-hint = 数据文件的内容见 docs/guide.zh.md
data-lone-cr = 这一行以单独的 CR 结尾（旧式 Mac 换行）
data-tab-indent = 这一行用制表符缩进；YAML 只能用空格缩进
data-control-character = 字符 { $code }（控制字符、不可见的符号或填充字符，或表示转换时丢失字符的 U+FFFD）无法印出；请删除
data-syntax = YAML 语法错误
data-too-deep = 嵌套过深（brief 最多允许 { $max } 层）；数据文件层次很浅
data-second-document = 这里开始了第二个 YAML 文档；一个数据文件只能有一个
data-duplicate-key = 键 `{ $key }` 重复：上面已经写过
data-tag = 数据文件中不能用 YAML 标签（{ $tag }）：值就是写出来的样子
data-tag-hint = 请删去标签；必须当作文字的值用引号括起来（"10.0"）
data-alias = 数据文件中不能用 YAML 别名（`*name`）；请把值写出来
data-anchor = 数据文件中不能用 YAML 锚点（`&name`）
data-unknown-field = 未知字段 `{ $field }`；可用字段：{ $known }
data-missing-field = 缺少字段 `{ $field }`
data-wrong-type = 这里是{ $found }，应为{ $expected }
data-number-range = 数字太大或不是数字
data-invalid = { $detail }
data-same-file = 成效和计划都指向 `{ $name }`：两部分各有自己的文件
data-part-name = `{ $name }` 必须是 data/ 中的 .yaml 文件名（不能含文件夹）
data-kind = `kind` 是 `{ $kind }`，但 meta.yaml 把这个文件当作 { $expected } 文件
data-quoted-word = { $word } 中的引号是全角引号，YAML 把它当成文字的一部分
data-spaced-word = “{ $word }”的前面或后面有空格：写在引号里的空格也算作文字
hint-spaced-word = 请删去空格：`{ $key }: { $word }`
hint-quoted-word = 请去掉全角引号，或改用半角引号：`{ $key }: "{ $word }"`
data-empty-text = 不能为空
data-placeholder-outside-prose = 只有段落里的占位符会换成数字：这一项照写原样显示，{ $placeholder } 会原样印出来
data-placeholder-outside-prose-hint = 这里照报告原文写出文字（标题、指标名称、主标题、报头、署名都不能用占位符）
data-too-long = 有 { $length } 个字；显示它的地方最多容纳 { $max } 个
data-unbroken = 有一串 { $length } 个不能断开的字母和数字；一行最多容纳 { $max } 个
data-too-many = 有 { $count } 项；最多排 { $max } 项
data-too-many-cards = 本文件有 { $count } 个重点数字（卡片）；最多能排 { $max } 个：从这里起请改为 `headline: false`
data-unknown-word = `{ $word }` 不是已知的{ $what }；已知的有：{ $known }
data-value-range = { $value } 超出范围：数值的绝对值应小于 { $max }
data-decimals = { $value } 的小数超过 { $max } 位
data-percent-range = { $value }% 超出范围：应在 { $lo } 至 { $hi } 之间
data-negative = { $value }：数量不能为负
data-negative-zero = { $value }：零没有正负，请照报告写 0
data-double-negative = 用“{ $verb }”时写负数就成了双重否定：请把 { $value } 写成正数，或改用表示增加的动词
data-qualifier-rate = “{ $word }”放在数量级和单位之间（2万余户、300多家）：以 { $unit } 为单位的比率没有这个位置，会印成 3.5{ $word }%
data-qualifier-range = 范围本身已经说明了数字的位置：前面再加“{ $word }”就重复了（近14—16亿元）
data-qualifier-range-bound = 范围已有上下两端，不能再加“{ $word }”（6%—7%以上自相矛盾）：只用一个数字，或去掉限定词
data-qualifier-verb = 动词“{ $verb }”和限定词“{ $word }”方向相反（如“超过近300家”）：两者只能留一个
data-share-over-whole = 占比不会超过整体：100%再加“{ $word }”说不通
data-fall-whole = 下降 { $value }% 会把整个数字降没，而这个数字还在：数量或金额的降幅不到 100%
data-issue-range = 期号 { $value } 超出范围：应从 1 起
data-count-range = { $value } 超出范围：应从 1 起
data-date = `{ $value }` 不是日期：请写成 YYYY-MM-DD，如 2023-01-05
data-date-before = { $value } 早于报告所写成效的年份 { $year }：报告的日期不会早于它所总结的那一年
data-date-before-hint = 照原文写报告发布或印发的日期
data-ratio-zero = 比例的各项都是 0：什么也没有说明
data-title-numbered = 标题以序号“{ $number }”开头：文档会自动给标题编号，这样会印两遍序号
data-title-numbered-hint = 删去“{ $number }”，只留标题的文字
data-label-tag = 名称以“{ $word }”开头，而卡片会把它作为标签印出（取自句子或 `estimate: true`），会印两遍
data-label-tag-hint = 在这里删去“{ $word }”，名称只写指标本身
data-han-space = 汉字之间有空格，印出来是一个空隙
data-edge-space = 这段文字开头或末尾有空格，会印成空隙（超百 个、全市前列 。）：请删去
data-leading-dash = 副标题以破折号开头：文档会在副标题前印上“——”
data-trailing-mark = 名称以“{ $mark }”结尾：版记会自动用“，”连接各个名称，并在最后加“。”
data-printed-before-date = 印发日期 { $printed } 早于文档日期 { $date }
data-template-word = 这里以“{ $word }”开头，而文档在来源一行前面已经印了它
data-year-range = 年份 { $value } 超出范围：应在 { $lo } 至 { $hi } 之间
data-plan-year = 计划是 { $plan } 年的，成效却是 { $achievements } 年的：计划应是成效的下一年
data-bad-id = `{ $id }` 不是有效的 id：请用小写英文加下划线，如 `new_jobs`
data-duplicate-id = id `{ $id }` 重复：已用于 `{ $place }`
data-duplicate-chart = 图表 id `{ $id }` 重复
data-duplicate-section = 本文件中已有另一节的 id 是 `{ $id }`
data-targets-in-achievements = 主要目标应写在计划文件中
data-target-value = 缺少：目标需要 `value`（和 `unit`），或用文字写的 `goal`（完成市下达目标）
data-written-unit = “{ $written }”末尾的数量级与单位“{ $unit }”开头的重复，会印成“{ $printed }”
data-written = “{ $written }”读出来不是 { $value }
data-compare-plan = `compare` 写在计划的数字上，指向成效中的数字
data-compare-unit = `{ $id }` 的单位是 { $theirs }，这个数字是 { $ours }：只能同类相比
data-compare-decrease = { $id } 是{ $verb }：对比图把上年的增长和今年的目标并排画出，会把下降画成增长；请删去 `compare`，由文字说明
data-compare-missing = `{ $id }` 不是成效文件中的数字
data-no-subjects = 至少写一个排名主体
data-rank-missing = 缺少：请写 `position`（1 为第一）或 `standing`（如 前列）
data-rank-standing = 名次 { $position } 与“{ $standing }”不符：这几个字说的是第 { $places } 名
data-rank-from-bottom = “{ $standing }”是倒数的名次，position 是正数的名次：两者不能同时写；只写 standing
data-standing-scope = 名次说法以范围“{ $scope }”开头，而范围会印在它前面：这里只写名次（第一、前列）
data-rate-change-percent = 这个数字本身是百分数，它的变化也用 %：提高 5% 是比原来多二十分之一，不是多 5 个点
data-rate-change-percent-hint = 原文指的是百分点（提高5个百分点）时，把变化的 `unit` 写成 个百分点
data-position-range = 名次 { $value } 超出范围：应从 1 起
data-years-range = { $value } 年超出范围：“连续N年”至少 2 年
data-chart-empty = 图表需要成员
data-chart-units = 图表只能同类相比，但其成员的单位有 { $units }
data-member-unknown = `{ $id }` 不是本文件中的数字或目标
data-member-kind = `{ $id }` 不能放进 `{ $kind }` 图表（shares 需要占比，compare 需要 `compare`，bars 需要数值）
data-member-range = `{ $id }` 是一个范围：柱子只有一个长度，画到下限就比原文说得少；请把它留在卡片和句子中，不放进图表
data-todo = 待填
data-todo-hint = 请填上这个值，或用 --draft 生成以看到标为【待填】的位置

## 占位符周围的文字

prose-unbalanced = 花括号 {"{"} 或 {"}"} 不成对：占位符写作 {"{"}id{"}"} 或 {"{"}id.yoy{"}"}
prose-no-yoy = 占位符 { $placeholder }：数字 `{ $id }` 没有 `yoy`
prose-no-share = 占位符 { $placeholder }：数字 `{ $id }` 没有 `share`
prose-qualifier-twice = 文字中数字旁边写了“{ $word }”，而数据已经印出它的限定词
prose-qualifier-twice-hint = 请从文字中删去“{ $word }”（`qualifier` 会印出它）
prose-qualifier-in-text = 文字中数字旁边写了“{ $word }”：限定词应写在数据里
prose-qualifier-in-text-hint = 请写 `qualifier: { $word }`，并从文字中删去“{ $word }”
prose-estimate-missing = `{ $id }` 是预计数（`estimate: true`），但所在句子不是以“预计”等词开头
prose-estimate-unmarked = 句子以“{ $word }”开头：其中的 `{ $id }` 也是预计数
prose-estimate-unmarked-hint = 请写 `estimate: true`（“预计”管到整句）
prose-change-contradicts = 文字写的是“{ $said }”，但数字的 `yoy.verb` 是“{ $verb }”
prose-change-missing = 同比变化前的文字必须以动词“{ $verb }”结尾（同比{ $verb }…）
prose-scope-contradicts = 文字写的是“占{ $said }”，但占比的范围是{ $scope }
prose-scope-missing = 占比前的文字必须写“占{ $scope }的”
prose-rank-verb = 排名前的文字应以“{ $verb }”（它的 `verb`）结尾（文字中没有这个词时，请删去 `verb`）
prose-years-contradict = 文字写的是“连续{ $said }年”，但排名的 `years` 是 { $years }
prose-years-missing = 排名的 `years` 是 { $years }，但名次前的文字没有“连续…年”
prose-years-unmarked = 文字写的是“连续{ $said }年”，但排名没有 `years`
prose-years-unmarked-hint = 请在排名上写 `years: { $said }`
prose-subject-missing = 排名主体“{ $subject }”不在所在句子中

## 主题文件

theme-bad-key = 主题的键必须是名称
theme-unknown-key = 未知的键 `{ $key }`；这里可用的有：{ $known }
theme-not-mapping = 这里应为若干键，见 templates/theme.yaml
theme-not-text = 这里应为文字（或 null，表示沿用默认值）
theme-bad-colour = `{ $value }` 不是颜色
theme-bad-colour-hint = 颜色写作 "#RRGGBB"，如 "#C00000"
theme-colour-unquoted = `{ $value }` 没加引号：YAML 把 # 后面当作注释，这一项成了空值，仍用默认颜色
theme-colour-unquoted-hint = 颜色要加引号：{ $key }: "{ $value }"
theme-contrast = { $colour } 印在{ $ground }上，对比度只有 { $ratio }:1：文字几乎看不见（至少 2:1，4.5:1 才清楚）
theme-contrast-hint = 文字选深一些的颜色，或底色选浅一些的颜色
theme-ground-page = 白色页面

## brief fonts

font-origin-bundled = 内置  { $path }
font-origin-builtin = brief 自带  { $name }
font-origin-path = --font-path  { $path }
font-origin-embedded = Typst 自带
font-origin-system = 系统  { $path }
font-style-normal = 正体
font-style-italic = 斜体
font-style-oblique = 倾斜
font-variant = { $style }，字重 { $weight }，宽度 { $stretch }  [{ $origin }]

## brief init --from

init-meta-header = { $year } 年和 { $next } 年的文档：请填上每个 null（brief build 会逐一列出）。
init-meta-sheet = 去年的指标表（{ $file }）没有带过来：它是去年的数字。今年的指标表做好后，请用 `figures:` 写上它的文件名。
init-year-beyond = 下一年的计划将是 { $year } 年，超过了数据允许的最后一年 { $last } 年
init-achievements-header = { $year } 年的工作成效：由 { $old } 年计划的各节和主要目标生成，所有数值待填。

## 操作系统错误

os-not-found = 没有这个文件或文件夹
os-permission = 没有权限
os-exists = 已经存在
os-full = 磁盘已满
os-read-only = 文件系统是只读的
os-is-directory = 这是一个文件夹
os-not-a-folder = 那里是一个文件，不是文件夹：--out 要指定文件夹
os-bad-name = 文件名太长或不合法
os-too-large = 文件太大
os-busy = 设备或资源正忙
os-quota = 超出了磁盘配额
os-not-empty = 文件夹不是空的
os-too-many-links = 链接太多（或形成了循环）
os-crosses-devices = 不能跨磁盘移动
os-interrupted = 被中断了
os-other = 系统报告：{ $error }
os-not-directory = 路径中有一部分不是文件夹


## the data model of real reports
what = { $list ->
    [units] 单位
    [qualifiers] 限定词
    [scopes] 范围
    [bases] 基准词
    [changes] 变化动词
   *[other] 目标动词
}
data-unknown-value = `{ $value }` 不是可用的值；可用的有：{ $known }
data-not-a-number = “{ $text }”不是 brief 能读的数字
hint-number-percent = 只写数值 `{ $number }`，百分号写在 `unit: "%"` 里
hint-number-unit = 只写数值 `{ $number }`，单位写在 `unit: { $unit }` 里
hint-number-magnitude = 只写数值 `{ $number }`：“{ $magnitude }”属于数字的单位（`unit: { $magnitude }元`、`{ $magnitude }人`……）
hint-number-thousands = 数字不写千位分隔符：`{ $number }`（中文报告不用千位分隔符）
hint-number-fullwidth = 数字请用半角：`{ $number }`（把输入法切换到半角）
hint-number-point = 小数点前要写数字：`{ $number }`
hint-number-plain = 照原文用阿拉伯数字写数值：7500、10.0、172.80
data-duplicate-id-hint = id 在两个数据文件中都不能重复：请改名，例如 `{ $free }`，并同时修改引用它的占位符
data-target-value-hint = 用文字表述的目标：`goal: 与经济增长基本同步`
data-goal-verb = 目标文字以动词“{ $verb }”开头，而动词会印在它前面：这里不要再写
data-goal-number = goal 是没有数值的目标的文字，其中却有数字“{ $digits }”：数字请写在目标的 `value`（和 `unit`）中；名称中的数字请在 `vocabulary: names` 中声明
data-goal-field = 用文字表述的目标（goal）不写 `{ $field }`
data-ratio-field = 比例（`ratio:`）不写 `{ $field }`
data-ratio-parts = 比例至少两项：`ratio: [3.2, 44.2, 52.6]`
data-colon = `{ $value }` 不是比例的冒号：请写 `：`、`:` 或 `∶`
data-range-order = 范围的上限（`to: { $to }`）不大于下限（{ $from }）
data-dash = `{ $value }` 不是范围的连接号；可用的有：{ $known }
data-dash-alone = `dash` 只用于范围：请同时写 `to`
data-share-whole = 占比是占某个范围（`scope: 全市`）或某个量（`of: GDP`）的：请写其中之一
data-chart-decrease = `{ $id }` 是下降目标：放进增长柱形图会被画成增长；请只在表中列出
data-chart-wholes = 一张比重图中的占比应是同一范围的；这张图混有 { $wholes }：请分成几张图
data-part-empty = { $part }什么也没有写：没有段落，也没有目标（有标题时，指标题之下）
data-part-empty-hint = 请在 `lead:` 或 `sections:` 中写入原文的段落
data-revise = 从上一年的项目带来的文字：请改写，然后删去 { $mark }
data-revise-hint = 按今年的情况改写，并删去开头的 { $mark }（其间可用 brief build --draft 查看）
data-vocabulary-twice = “{ $word }”声明了两次（第一次是第 { $first } 项）
data-recipient-twice = “{ $name }”在发送范围中写了两次（已在 `{ $first }`）：每个单位只写一次
data-recipients-too-long = 发送范围的名称连同标点共 { $count } 字，版记只能容纳 { $max } 字（最后一页底部约三分之一）：请合并或删减单位
data-vocabulary-number = “{ $word }”中有数字或百分号：印在数字旁边会连在一起（1.4 后面接 10亿元，印成 1.410亿元）
data-vocabulary-name-digits = 名称“{ $word }”只有数字：段落里所有的 { $word } 都会被当作名称放过；请写出完整的名称（如 公交站点500米覆盖率）
data-vocabulary-two-kinds = “{ $word }”已经在词表的 { $other } 中：一个词不能同时属于两类，两类词在文档中的位置不同
data-vocabulary-built-in = “{ $word }”已是内置词：这一行不起作用
data-vocabulary-both-ways = “{ $word }”既是表示增加的动词（changes.up），又是表示减少的动词（changes.down）：一个动词只能表示一个方向，请删掉其中一处
data-vocabulary-conflict = “{ $word }”声明的含义（位置或方向）与 brief 内置的不同：无法判断以哪个为准
data-vocabulary-brace = “{ $word }”含有花括号，印出时会被当作占位符的开头或结尾
data-vocabulary-unit-qualifier = 单位“{ $word }”含有限定词“{ $qualifier }”：请在数字中写 `qualifier: { $qualifier }`，单位不带它
init-cannot-copy = { $path } 未复制：{ $why }
init-not-a-file = 不是项目内的普通文件
init-too-large = { $mb } MB，过大，无法复制
prose-fullwidth-brace = 占位符用了全角大括号 ｛ ｝
prose-fullwidth-brace-hint = 请用半角大括号：{"{"}id{"}"}（把输入法切换到半角）
prose-bare-id = “{ $id }”是没有加大括号的编号，会被原样印出
prose-bare-id-hint = 请写成占位符 `{ $placeholder }`（半角大括号），才会印出数字
prose-line-break = 段落中有换行（用了 `|` 块？）
prose-line-break-hint = 每个段落写成列表的一项，写在一行内
prose-space = 两个汉字之间有空格（段落折到下一行时，YAML 会加一个空格）
prose-space-hint = 请把段落写在一行内，并删去空格
prose-field = { $placeholder } 指向这一项没有的内容
prose-no-rank = { $placeholder }：数字 `{ $id }` 没有 `rank`
prose-printed-twice = 占位符后面又写了“{ $word }”，而占位符已经印出它
prose-printed-twice-hint = 请删去占位符后面的“{ $word }”
prose-fullwidth-digits = “{ $digits }”是全角数字
prose-fullwidth-digits-hint = 请改用半角数字（输入法切换到半角）；数据里的数字请写成占位符
prose-rank-twice = 占位符会印出范围和名次（全市第一、全市前列），前面是动词：这里又写了一遍名次或动词
prose-list-verb = { $placeholder } 在用“{ $first }”说的并列中，它的数据却是“{ $verb }”：文字会把它也说成{ $first }；请让它与第一项的动词和基准一致，或在它前面写出它自己的动词
prose-qualifier-dropped = 这个占位符印出的数字不带限定词“{ $word }”，而这一分句里也没有写“{ $word }”：文字比数据少说了一层意思
prose-qualifier-dropped-hint = 去掉 .value（占位符会印出“{ $word }”），或者像原文那样在分句里写上“{ $word }”（分别增长{"{"}a.value{"}"}、{"{"}b.value{"}"}以上）
prose-halfwidth-mark = 中文里用了半角的“{ $mark }”
prose-halfwidth-mark-hint = 中文里应为“{ $full }”：请把输入法切换到中文标点
prose-number-beside = 占位符旁边紧接着写了数字或另一个占位符
prose-unit-after = 占位符后面又写了“{ $word }”，而占位符已经印出单位“{ $unit }”
prose-unit-after-hint = 请删去“{ $word }”；如果单位不是“{ $unit }”，请改数据中的 `unit`
prose-unit-before = 占位符前面紧挨着写了单位“{ $word }”：数字会印在单位后面
prose-unit-before-hint = 删去这里的“{ $word }”：占位符印出的数字后面自带单位
prose-no-words = 这一段只有标点，没有文字
prose-no-stop = 这一段没有以句号（。！？）结束：可能写了一半，或与下一段连在了一起
prose-no-stop-hint = 照原文写完这一段，以句号结束
prose-odd-space = 汉字之间有一个特殊空格 { $code }（不间断空格、全角空格或排版用的窄空格，常从网页或 Word 中粘贴而来），印出来是一个空隙
prose-odd-space-hint = 删去它：中文句子的字与字之间没有空格
data-paragraph-twice = 这一段与本文件的 { $first } 完全相同：是不是粘贴了两次？
data-title-twice = 这个标题与本文件的 { $first } 相同：是不是两节用了同一个标题？
data-label-twice = 这个数字的名称与本文件的 { $first } 相同：两张卡片或两行名称一样、数字不同
data-item-twice = “{ $item }”已经写过了（本列表第 { $first } 项）
prose-sign-before = 占位符前面写了“{ $sign }”，而占位符印出数字和单位
prose-sign-before-hint = 请删去“{ $sign }”（单位写在 `unit` 里，如 亿美元）
prose-share-of = 句子中没有“占{ $of }”，与占比的 `of` 不一致
prose-basis-missing = 数字前的文字应写“{ $basis }{ $verb }”，与数据的 `basis` 一致
prose-basis-unmarked = 文字在动词前写了“{ $basis }”，数据中却没有
prose-basis-unmarked-hint = 请加上 `basis: { $basis }`
prose-target-verb = 目标 `{ $id }` 前的文字应以“{ $verb }”（它的 `verb`）结尾
prose-target-verb-unmarked = 文字在目标 `{ $id }` 前写了“{ $verb }”，而它没有 `verb`
prose-target-verb-unmarked-hint = 请加上 `verb: { $verb }`
prose-digits = 文字中占位符之外有数字 { $digits }：数据里没有它，它变了也无人知道
prose-digits-hint = 请把它写成本节的一个数字（figures），并在原处写 {"{"}id{"}"}；数字是名称的一部分时，请在 data/meta.yaml 的 `vocabulary:` 下的 `names:` 中声明该名称（年份、日期和引号中的名称不计）
theme-defaults-missing = 缺少 { $key }：模板要读 brief 自带的 templates/theme.yaml 中的每一项
theme-defaults-missing-hint = 从 `brief init` 新建的项目的 templates/theme.yaml 中把这一项抄过来，或删掉这个文件，改用 brief 自带的
theme-unbalanced = 花括号 {"{"} 或 {"}"} 不成对：这个用语可用的占位符是 { $known }
theme-placeholder-missing = 缺少 { $placeholder }：它由 brief 填入（期号、日期、年份），少了它，用语就缺了这一项
theme-placeholder-twice = { $placeholder } 写了两次：两处会填入同一个值
theme-unknown-placeholder = brief 不会在这个用语中填入 { $placeholder }；可用的有：{ $known }
theme-word-doubled = “{ $word }”写了两遍
theme-word-twice = 占位符后面写了“{ $word }”：这个字重复了
theme-bad-choice = “{ $value }”不是这一项可取的值；可取：{ $known }
hint-number-only = 只写数字：`{ $number }`
syntax-hint = 请检查这一行和上一行：每个键后是否有冒号和空格，缩进是否与旁边的行一致，引号是否成对
syntax-fullwidth-colon = 键 `{ $key }` 后面用了全角冒号 ：
syntax-fullwidth-colon-hint = 请把 ： 换成半角冒号加一个空格：`{ $key }: `（把输入法切换到半角）
syntax-fullwidth-space = 这一行用全角空格（U+3000）缩进
syntax-fullwidth-space-hint = 请只用半角空格缩进，与上下行一致
syntax-odd-space = `{ $key }:` 后面是全角空格或不换行空格，不是普通空格
syntax-odd-space-hint = 请换成一个半角空格：`{ $key }: `
syntax-colon-space = `{ $key }` 的冒号后面没有空格
syntax-colon-space-hint = 请在冒号后加一个空格：`{ $key }: `
syntax-reserved = 值不能以 { $ch } 开头（YAML 保留了这个字符），除非加引号
syntax-reserved-hint = 请给值加上引号：`{ $key }: "{ $value }"`
syntax-open-quote = 引号 { $quote } 在这一行没有闭合
syntax-open-quote-hint = 请在值的末尾补上 { $quote }，或删去这个引号
syntax-open-bracket = 这一行开头的 { $ch } 没有在本行闭合
syntax-open-bracket-hint = 请在值的末尾补上 { $close }，或者去掉 { $ch }
syntax-hash-comment = `{ $value }` 没加引号：YAML 把 # 及其后面的内容当作注释，这一行后面的部分都被略去了
syntax-hash-comment-hint = 加上引号：{ $key }: "{ $value }"
syntax-fullwidth-hash = 用全角 ＃（或在全角空格之后）写的注释不是注释：YAML 把它当作正文，会被印出来
syntax-fullwidth-hash-hint = 请在半角空格之后用半角 # 写注释（把输入法切换到半角），或删去注释
syntax-bad-escape = 双引号中的 `{ $escape }` YAML 读不懂：双引号里的反斜杠 \ 要与后面的字母一起表示特殊字符（如 \n）
syntax-bad-escape-hint = 要写反斜杠本身，请连写两个（\\），或者去掉两边的引号（也可改用单引号 '…'）
syntax-unclosed = 文件在引号中结束了：上面有一个引号没有闭合
syntax-unclosed-bracket = 上面有一个列表 [ ] 或映射 {"{"} {"}"} 没有闭合
syntax-stray-colon = 这里的冒号不能开始一个键：含“: ”的文字要加引号，或者这一行的缩进与同一层的行不一致
syntax-bad-start = 值以 YAML 保留的字符（%、@、`、*、&、!）开头
syntax-fullwidth-bracket = 应当开始一个 YAML 列表或映射的地方用了全角的 { $ch }
syntax-fullwidth-bracket-hint = 请改用半角的 { $half }
syntax-fullwidth-comma = 这个列表的各项用全角逗号 ，隔开，于是整个列表只有一项文字
syntax-fullwidth-comma-hint = 请用半角逗号加空格隔开各项：[甲, 乙]
syntax-fullwidth-comma-map = 这个映射 {"{"} {"}"} 中的两项之间用了全角逗号“，”，YAML 把它们读成了一段文字
syntax-fullwidth-comma-map-hint = 项与项之间用半角逗号加空格：{"{"} value: 14.3, verb: 增长 {"}"}
syntax-fullwidth-dash = 列表项以全角的横线开头
syntax-fullwidth-dash-hint = 请以半角的 - 加一个空格开头
syntax-key-indent = 这个键的缩进与同一层的其他键不一致
syntax-key-indent-hint = 请与旁边的键缩进相同（{ $spaces } 个空格），只用空格
syntax-item-indent = 这个列表项比上面的列表项缩进得多
syntax-item-indent-hint = 请与其他列表项缩进相同（{ $spaces } 个空格）；如果它开始一个新列表，上一行应以冒号结尾
data-utf16 = 文件保存成了 UTF-16（记事本的“Unicode”），不是 UTF-8
data-utf16-hint = 请另存为 UTF-8：记事本中“文件 → 另存为”，编码选“UTF-8”
hint-number-quoted = 数字不加全角引号：`{ $number }`
data-tab-indent-hint = 请把制表符换成空格（多数编辑器有“用空格缩进”的设置）
data-anchor-hint = 以 & 或 * 开头的值是 YAML 的语法：如果是文字，请加引号
data-empty-text-hint = 请写上内容；可省略的字段也可以删去整行
data-duplicate-key-hint = 请只保留其中一行：一个键只能写一次
role-figures = 指标表
sheet-cannot-read = 无法读取指标表：{ $why }
sheet-cannot-read-hint = 请写 data/ 中的文件（figures: {"{"} file: 指标.xlsx {"}"}），须为不超过 8 MB 的普通文件
sheet-format = 指标表不是 brief 能读的电子表格（{ $why }）
sheet-not-a-workbook = 文件内容不是 .xlsx、.xls 或 .ods 表格
sheet-unpacks-too-large = 这个表格文件解压后有 { $size } MB，超过 { $max } MB：请只保留指标所在的工作表，另存为新文件
sheet-damaged = 工作表“{ $name }”读不出来，文件可能已损坏
sheet-csv-not-utf8 = .csv 文件不是 UTF-8 编码
sheet-format-hint = 请另存为 .xlsx、.xls、.ods，或 UTF-8 编码的 .csv
sheet-no-sheet = 指标表中没有名为“{ $name }”的工作表；有的是：{ $names }
sheet-no-sheet-hint = 请照工作表标签上的名称写，或删去 `sheet` 以使用第一张工作表
sheet-no-id = 指标表的标题行中没有 `id`（标识）列
sheet-layout-hint = 第一行写各列名称：id（标识）、value（数值），需要时再写 yoy（同比）、share（占比）、written（写法）、label（名称，不读取）；见 docs/guide.zh.md
sheet-header = 指标表的“{ $header }”列不是 brief 读取的列
sheet-unknown-id = 数据中没有 id 为 `{ $id }` 的数字
sheet-column-twice = “{ $header }”这一列与 { $first } 那一列是同一项
sheet-column-twice-hint = 每一项只留一列：id（标识）、value（数值）、yoy（同比）、share（占比）、written（写法）
sheet-twice = id `{ $id }` 在指标表中出现了两行
sheet-twice-hint = 每个数字只保留一行
sheet-no-such = 数字 `{ $id }` 在数据中没有 { $what }，这一格的值无处可放
sheet-no-such-hint = 请在数据文件中给该数字加上 `{ $what }`（与正文的说法一致），或让这一格空着
sheet-date-cell = 这个单元格是日期格式，表格里存的是天数（2023-01-15 存为 44941），不是指标的数值
sheet-date-cell-hint = 把单元格格式改为“数值”或“文本”（设置单元格格式 → 数值或文本），再重新输入数字
sheet-no-result = 这个单元格是公式，但文件里没有保存计算结果（由程序生成、没有在表格软件中计算过），读出来是空的
sheet-no-result-hint = 用 Excel 或 WPS 打开这个文件并保存一次，公式的结果就会存进去；或者直接输入数字
sheet-merged = 这个单元格与别的单元格合并了：值只在其中一格，合并的各行无法分别读取
sheet-merged-hint = 取消合并（关掉“合并后居中”），每行写上自己的标识和数值
sheet-hidden = 这个单元格是隐藏的（在隐藏的行或列中、行高或列宽为 0，或数字格式使它什么也不显示，如 ;;;）：屏幕上看不到的数字会进入文档
sheet-scaled = 这个单元格的数字格式显示的数与存的数不同（以万或千为单位显示，或格式里自带小数点，如 0!.0000"万"）：分不清哪个是要用的数字
sheet-scaled-hint = 请在单元格里存原文印出的数（2409万元就存 2409），格式设为普通数字（常规、0.0 或 0.00）
sheet-zero-blank = 这个单元格的值是 0，表格里却显示为空白或“-”（数字格式如此，或工作表设置了不显示零值）：文档会印出 0，而屏幕上谁也看不到这个数
sheet-zero-blank-hint = 如果数字确实是 0，请把单元格格式设为能显示 0 的格式（常规、0.0）；否则请填入正确的数字，或清空单元格以沿用 YAML 中的值
sheet-percent = 这个单元格的格式是百分比，但这个数字的单位是{ $unit }：表格显示 14%，brief 却会印成 14{ $unit }
sheet-percent-hint = 请把单元格设为普通数字，存原文印出的数；如果它本来就是百分数，请把数字的单位改为 %
sheet-hidden-hint = 如果它是今年的数字，请取消隐藏这一行或列（或改回常规格式）；否则请删去它
sheet-unheaded = 这个单元格所在的列没有表头：brief 不知道它是什么
templates-older = 项目中的模板复制自 brief 第 { $theirs } 版的模板；当前 brief 带的是第 { $ours } 版
templates-older-hint = 查看差异：brief init --templates /tmp/new && diff -ru templates /tmp/new/templates（或删去 templates/，改用 brief 自带的模板）
prose-unknown-id = 占位符 { $placeholder } 不是数据中的数字、排名或目标
prose-field-hint = 数字可写 {"{"}id{"}"}、{"{"}id.value{"}"}、{"{"}id.yoy{"}"}、{"{"}id.share{"}"}、{"{"}id.rank{"}"}；排名写 {"{"}id.rank{"}"}；目标写 {"{"}id{"}"}、{"{"}id.value{"}"}
init-plan-header = { $year }年的计划：以上一年的计划为起点；标有【待改】的文字都要改写，null 的值都要填写。
hint-vocabulary = 或在 data/meta.yaml 中声明：
hint-vocabulary-change = 或在 data/meta.yaml 中声明（表示减少的写在 `down:` 下）：
help-docx = 另写出 out/briefing.docx：可编辑的 Word/WPS 简报
help-docx-font = 在 .docx 中用另一字体名代替内置字体，如 "Noto Serif SC=宋体"；写 office 则按公文用方正小标宋简体、黑体、楷体_GB2312、仿宋_GB2312，写 windows 则用宋体和微软雅黑；不写时嵌入内置字体中用到的字形（可重复）
usage-docx-only = --docx 由简报生成：请去掉 --only slides
usage-docx-font = --docx-font 须与 --docx 同用
usage-face-unused = { $option } 中的 `{ $family }` 不是文档用到的字体，不会起作用；文档用到的有：{ $known }
usage-face-twice = { $option } 给 `{ $family }` 指定了两种字体：{ $first } 和 { $second }；请只指定一种
fail-docx = 无法写出 .docx：{ $error }
arg-docx-face = `{ $value }` 的格式应为 字体族=名称（或 office、windows）
