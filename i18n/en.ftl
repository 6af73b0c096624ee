# brief's messages in English. Every message has its twin in zh.ftl (a test
# checks both catalogues hold the same ids, and that each id is used).
# Literal braces are written {"{"} and {"}"}.

## Words used in many messages

word-error = error
word-warning = warning
list-separator = {", "}
note-field = field: { $path }
note-hint = hint: { $hint }
hint-did-you-mean = did you mean `{ $word }`?
hint-project-root = the project root is the folder given by `--project`: templates, data and what they read must be inside it
kind-text = text
kind-whole = a whole number
kind-number = a number
kind-boolean = true or false
kind-list = a list
kind-mapping = a mapping (fields)
kind-null = null
role-meta = the meta file
role-achievements = the achievements file
role-plan = the plan file
role-theme = the theme file
role-template = a template file
doc-briefing = briefing
doc-slides = slides
doc-handout = handout

## Command line

help-brief = Turns the YAML data in data/ into a briefing, a slide deck and, on request, a PowerPoint
help-build = Validates the data and writes the briefing, the slides and what the options ask for
help-watch = Builds, then rebuilds whenever the data, the templates, the theme or the fonts change
help-check = Validates the data and compiles the templates without writing anything
help-fonts = Lists the fonts available to the templates and where they come from
help-schema = Prints the JSON Schema of the data files (the same as schema/brief.schema.json)
help-init = Writes a new project that builds at once (with --from: next year's, from this one)
help-usage = Usage:
help-commands = Commands
help-command = COMMAND
help-options = Options
help-arguments = Arguments
help-help = Print help
help-version = Print version
help-values = {" "}[values: { $values }]
help-default = {" "}[default: { $value }]
help-env = {" "}[environment variable: { $name }]
help-lang = Language of messages and help: zh or en (default: from LC_ALL, LC_MESSAGES or LANG; also BRIEF_LANG)
help-project = The project folder, holding data/, templates/ and fonts/
help-font-path = Another folder to search for fonts (repeatable)
help-system-fonts = Also use the fonts installed on this system (outputs may then differ between machines)
help-only = Build only one of the documents
help-creation-timestamp = The creation time, as UNIX seconds (years 1970 to 9999): PDF metadata and, when meta.yaml has no date, the date shown
help-strict = Treat warnings as errors: characters no font can draw, slides that overflow, text outside its area or over other text, missing faces, a template's warnings
help-draft = Build although values are still to fill in (null): they show as 【待填】 and every page says 草稿
help-timeout = Stop a run (validation, compilation, writing) that takes longer than this, in seconds (exit code 6)
help-memory-limit = End a run that takes more memory than this, in MiB (exit code 7)
help-diagnostic-format = How to print errors and warnings
help-out = Where the outputs go (default: out/ in the project)
help-format = Output format: pdf, or one image per page (png, svg)
help-ppi = Resolution of PNG images, in pixels per inch (24 to 2400)
help-pdf-standard = PDF standard to conform to, e.g. a-2b for archiving (repeatable, or comma-separated)
help-handout = Also write out/handout.pdf: the slides on A4 beside their speaker notes
help-pptx = Also write out/slides.pptx: the deck as editable PowerPoint
help-pptx-font = In the .pptx, name another face for a bundled one, e.g. "Noto Sans SC=微软雅黑"; `office` names 微软雅黑 and 宋体 (repeatable)
help-force = Rebuild even when the outputs are up to date
help-wait = When another brief is writing the same outputs, wait this long for it, in seconds
help-debounce = Quiet time after a change before rebuilding, in milliseconds
help-variants = Show every style and weight of each family
help-schema-theme = Print the schema of the theme file (theme.yaml) instead
help-init-dir = The folder of the new project (new, or empty)
help-init-from = The project whose plan becomes the new project's achievements
help-init-templates = Also copy brief's templates into the project, for a project that wants its own

arg-unknown = unknown option `{ $arg }`
arg-suggest = ; did you mean `{ $arg }`?
arg-invalid = `{ $value }` is not a valid value for `{ $arg }`
arg-invalid-env = `{ $value }` in the environment variable { $var } is not a valid value for `{ $arg }`: unset it or set it to whole seconds since 1970
arg-missing = missing: { $arg }
arg-subcommand = unknown command `{ $arg }`
arg-conflict = `{ $arg }` cannot be used with `{ $other }`
arg-see-help = For the list of commands and options: brief --help
arg-not-integer = `{ $value }` is not a whole number
arg-not-number = `{ $value }` is not a number
arg-not-utf8 = `{ $value }` { $arg } is not UTF-8 text (typed or saved in another encoding, such as GBK): type it again in a UTF-8 terminal
arg-not-utf8-env = the environment variable { $var } is not UTF-8 text: unset it or set it to whole seconds since 1970
arg-range = { $value } is out of range: from { $min } to { $max }
arg-ppi-range = { $value } is out of range: from 24 to 2400 pixels per inch
arg-timestamp-range = { $value } is out of range: a creation timestamp lies between 0 (1970) and { $max } (the end of 9999)
arg-face = `{ $value }` is not FAMILY=NAME (or `office`)
arg-face-name = `{ $value }`: a font name is at most { $max } characters, with no `=` and no control or invisible character

## Usage errors

usage-no-project = the project folder { $path } cannot be opened: { $error }
usage-no-data = { $root } has no data/ folder: run brief in a project folder, pass --project DIR, or make one with brief init DIR
usage-data-given = { $root } is a project's data/ folder itself: give the project folder that holds it, { $parent }
usage-font-path = --font-path { $path }: no such folder
usage-font-path-file = --font-path { $path }: not a folder; --font-path names the folder that holds the font files (--font-path { $folder })
usage-handout = --handout is made from the slides' PDF: drop --only briefing and --format
usage-pptx-only = --pptx is made from the slides: drop --only briefing
usage-pptx-font = --pptx-font goes with --pptx
usage-out-inside = --out { $out } is inside { $input }, which brief reads: its own outputs would be read back (and `watch` would rebuild forever); choose a folder outside data/, templates/, the font folders and theme.yaml
usage-archival-date = a PDF/A document needs a creation date: pass --creation-timestamp UNIX_SECONDS, set SOURCE_DATE_EPOCH, or set `date:` in data/meta.yaml
usage-init-not-empty = { $dir } is not empty: brief init writes a new project into a new or empty folder
usage-init-not-folder = { $dir } is a file, not a folder: give the name of a new or empty folder

## Failures

fail-unchanged = ; no output was changed
fail-data = the data has { $count } error(s)
fail-templates = the templates have { $count } error(s)
fail-strict = { $count } problem(s) found under --strict
fail-timeout = compiling { $path } took longer than { $seconds } s (--timeout): a template may loop forever
fail-timeout-run = the run took longer than { $seconds } s (--timeout) and was stopped
fail-timeout-doing = the run took longer than { $seconds } s (--timeout) and was stopped while { $doing }
doing-lock = waiting for another brief to finish with { $dir }
doing-data = reading and checking the data
doing-fonts = searching and reading the font files (fonts/, --font-path)
doing-compile = compiling the documents
doing-export = exporting the laid-out pages (PDF or page images at --ppi, .pptx, .docx)
doing-write = writing the outputs
fail-crash = the Typst compiler crashed on { $path } (a bug: please report it with the data and templates)
fail-export = { $name } cannot be exported
fail-export-crash = exporting a document crashed (a bug: please report it)
fail-pptx = the .pptx cannot be written: { $error }
fail-locked = another brief is writing to { $dir } (waited { $seconds } s; --wait SECONDS waits longer)
fail-memory = the run took more than { $limit } MiB of memory (--memory-limit) while { $doing } and was stopped; no output was changed. { $hint }
fail-memory-data = A data file or the figures sheet this large needs more: make it smaller, or raise --memory-limit
fail-memory-fonts = Font files this large need more: remove faces from fonts/ or --font-path, or raise --memory-limit
fail-memory-compile = A page image at a high --ppi, or a template that builds a huge value, needs more: raise --memory-limit or lower --ppi
template-missing = the template { $path } is missing
io-create-dir = cannot create the output folder { $dir }
io-temporary = cannot create a temporary file in { $dir }
io-write = cannot write { $path }
io-stdout = cannot write to standard output
io-replace = cannot replace { $path }
io-is-folder = { $path } is a folder: an output cannot be written there
io-keep = cannot keep the changed file under the name { $path }
io-lock-open = cannot open the lock file { $path }
io-lock = cannot lock { $path }
io-trace = cannot write the trace { $path }: { $error }
world-no-packages = packages are not available: brief runs offline; copy what you need into templates/
world-outside = { $file } leads outside the project (to { $target }); brief reads only files inside { $root }

## Progress

status-up-to-date = the outputs in { $dir }/ are up to date ({ $ms } ms); nothing to do (--force rebuilds)
status-wrote = wrote { $path }
status-built = built { $summary } in { $seconds } s
status-rebuilt = rebuilt { $summary } in { $ms } ms
status-checked = data and templates are fine: { $summary }
status-changed = changed { $line }
status-removed = removed { $path } (written by an earlier build, not by this one)
status-recovered = completed the outputs of a build that was stopped while writing them
status-rolled-back = restored the outputs that a build stopped while writing them had begun to replace
status-set-aside = { $name } in the output folder is not a file brief wrote (a link, a FIFO, a device, too large, or naming files elsewhere): moved to { $bad } and not used
output-kept = changed since brief wrote it (or not written by brief): kept as { $kept }; the new { $name } is in its place
output-kept-hint = the kept file is yours: brief does not count it as an output and never removes it. Save your edits under a name of your own to keep them out of brief's way
output-left = changed since brief wrote it: left as it is and no longer counted as brief's output; before brief writes { $name } again, it keeps this file under a dated name
status-watching = watching { $dir } (Ctrl-C stops)
status-watching-fix = ; watching for the fix
status-retry = ; trying again in { $seconds } s
status-stopped = stopped watching
status-draft = a draft: { $count } value(s) still to fill in show as 【待填】
warn-timestamp-not-shown = the build's timestamp falls on { $date }, before { $year } (the year of the results) or after 2200: the documents show no date; set `date:` in data/meta.yaml to show one
status-init = wrote a new project in { $dir } ({ $count } files)
status-init-next = next: cd { $dir } && brief build{ $draft }
summary-doc = { $doc } ({ $pages } pages)

## The change report

changes-title = Figures changed since the last build
changes-line = `{ $key }` { $label } ({ $place }): { $before } → { $after } ({ $docs })
changes-none = (none)
changes-pending = ; not rebuilt yet, still showing the old text: { $docs }
changes-kept-title = Edits kept on { $when }
changes-kept-line = `{ $name }` had been changed since brief wrote it (or brief did not write it): kept as `{ $kept }`
changes-no-figure = No figure, target or ranking changed.

## Checks of the documents

check-slide-overflow = slide { $page } overflows its page
check-slide-overflow-hint = shorten the text or let the template split it over more slides
check-outside = page { $page }: “{ $text }” reaches outside the page or its column
check-overlap = page { $page }: “{ $first }” is drawn over “{ $second }”
check-notdef = page { $page }: “{ $ch }” is drawn as an empty box in { $family }, although a font has it: a face file is damaged, or was changed during the build
check-notdef-more = ; so are { $count } more characters
font-too-large = { $path }: { $mb } MB is too large for a font file (at most { $limit } MB); it was not read
font-not-a-font = { $path }: not a font brief can read (damaged, cut short, or not a font)
font-broken = { $path }: this face did not load or draws nothing (the file is damaged, or was changed during the build)
font-too-many = { $path }: the search for fonts stopped after { $count } files and folders
font-too-many-hint = name the folder that holds the fonts with --font-path, not a large folder above it
font-file-hint = replace the file with a good copy or remove it (without it, brief uses the faces it carries); no document is made until then
font-not-a-folder = { $path }: not a folder brief can open (a link to a folder that is gone, or a file)
font-not-a-folder-hint = make the link lead to the fonts folder, or remove it (without it, brief uses the faces it carries)
fail-fonts = { $count } font problem(s)
fail-fonts-changed = font files changed while the documents were made; run again
fail-font-fault = error: a font file was cut short or changed while brief read it; no output was changed. Run again.
check-layout-hint = shorten the value or text (docs/data.md gives the limits), or change the template
figure-unshown = figure `{ $id }` ({ $label }) appears nowhere in the { $doc }
figure-unshown-hint = put it in a paragraph as a placeholder, mark it `headline: true`, or name it in a chart; brief does not invent words to place it
glyph-missing = no available font can draw “{ $ch }” ({ $code }); it would print as an empty box
glyph-missing-hint = replace the character, or add a font that has it with --font-path (brief fonts lists the fonts)
font-missing = no font folder has the face “{ $family }”
font-missing-hint = put its files in fonts/ or pass --font-path DIR (brief fonts lists the faces found)
font-missing-fallback = no font folder has the face “{ $family }” that the preset names for { $role }; brief’s own face of the role stands in
font-missing-fallback-hint = to use it, put its files in fonts/ or pass --font-path DIR; to choose another face, name it under fonts: in theme.yaml

## Problems of data files

data-cannot-read = cannot read the file: { $error }
data-outside = leads outside the project (to { $target }); data files must be inside it
data-not-a-file = not a regular file (a folder, a pipe or a device): data files are plain files
data-too-large = the file is { $bytes } bytes; data files may be at most { $limit } KiB
data-binary = this is a binary file (it contains a NUL byte), not YAML text
data-not-utf8 = the file is not valid UTF-8 (byte { $byte })
data-not-utf8-hint = save the file as UTF-8
data-empty = the file is empty
data-null-file = the file holds only null (`~`): it is as good as empty
data-empty-hint = see docs/data.md for what it holds
data-lone-cr = this line ends with a lone CR (old Mac line endings)
data-tab-indent = a tab indents this line; YAML indents with spaces only
data-control-character = the character { $code } (a control character, an invisible mark or filler, or U+FFFD, the mark of a character a conversion lost) cannot be printed; remove it
data-syntax = YAML syntax error: the text stops reading as YAML here
data-too-deep = nesting too deep (brief allows { $max } levels); data files are shallow
data-second-document = a second YAML document starts here; a data file holds exactly one
data-duplicate-key = duplicate key `{ $key }`: it is already set above
data-tag = YAML tags ({ $tag }) are not read in data files: a value is what is written
data-tag-hint = delete the tag; quote a text that must stay text ("10.0")
data-alias = YAML aliases (`*name`) are not allowed in data files; write the value out
data-anchor = YAML anchors (`&name`) are not allowed in data files
data-unknown-field = unknown field `{ $field }`; known fields: { $known }
data-missing-field = missing field `{ $field }`
data-wrong-type = found { $found }, expected { $expected }
data-number-range = the number is too large or not a number
data-invalid = { $detail }
data-same-file = `{ $name }` is named for both the achievements and the plan: each part has a file of its own
data-part-name = `{ $name }` must be a .yaml file name inside data/ (no folders)
data-kind = `kind` is `{ $kind }`, but this file is named as the { $expected } file
data-quoted-word = { $word } holds quotation marks typed as part of the word: YAML reads full-width quotes as text
data-spaced-word = “{ $word }” has a space before or after the word, which is part of the text for YAML inside quotes
hint-spaced-word = write the word without the space: `{ $key }: { $word }`
hint-quoted-word = write the word without them, or with half-width quotes: `{ $key }: "{ $word }"`
data-empty-text = must not be empty
data-placeholder-outside-prose = only a paragraph fills in figures: this field is printed as it is written, and { $placeholder } would show as typed
data-placeholder-outside-prose-hint = write the words as the report prints them here (a title, label, headline, masthead or byline holds no placeholder)
data-too-long = { $length } characters; at most { $max } fit where this is shown
data-unbroken = a run of { $length } letters and digits without a break; at most { $max } fit on a line
data-too-many = { $count } entries; at most { $max } are laid out
data-too-many-cards = { $count } figures of this file are headline figures (cards); at most { $max } are laid out: set `headline: false` from here on
data-unknown-word = `{ $word }` is not a known { $what }; known: { $known }
data-value-range = { $value } is out of range: values lie below { $max } in size
data-decimals = { $value } has more than { $max } decimals
data-percent-range = { $value }% is out of range: expected { $lo } to { $hi }
data-negative = { $value }: an amount cannot be negative
data-negative-zero = { $value }: zero has no sign; write 0 as the report prints it
data-double-negative = a negative value with “{ $verb }” reads as a double negative: write { $value } without its sign, or use a verb of increase
data-qualifier-rate = “{ $word }” stands between a count's magnitude and its unit (2万余户, 300多家): a rate in { $unit } has none, and would print 3.5{ $word }%
data-qualifier-range = a range says where its number stands: “{ $word }” before it reads twice (近14—16亿元)
data-qualifier-range-bound = a range has both its ends: “{ $word }” after it says a third thing (6%—7%以上); give one number, or drop the qualifier
data-qualifier-verb = the verb “{ $verb }” and the qualifier “{ $word }” point opposite ways (超过近300家): keep one
data-share-over-whole = a share is never more than its whole: 100% with “{ $word }” cannot be
data-fall-whole = a fall of { $value }% would take the whole of a figure that is still there: a count or a sum falls by less than 100%
data-issue-range = issue { $value } is out of range: from 1
data-count-range = { $value } is out of range: from 1
data-date = `{ $value }` is not a date: write it as YYYY-MM-DD, e.g. 2023-01-05
data-date-before = { $value } is before { $year }, the year of the report's results: a report is dated after the year it reports on began
data-date-before-hint = write the date the report was issued or printed, as the source gives it
data-ratio-zero = every part of the ratio is 0: a ratio of nothing says nothing
data-title-numbered = the title starts with the heading number “{ $number }”: the documents number their headings themselves, so it would be printed twice
data-title-numbered-hint = delete “{ $number }” and keep the words of the title
data-label-tag = the label starts with “{ $word }”, which the card prints as its tag (from the sentence, or `estimate: true`): it would be printed twice
data-label-tag-hint = delete “{ $word }” here; the label names only what is measured (if it is part of a name, 计划生育, declare that word under vocabulary: compounds:)
data-han-space = a space between Chinese characters prints as a gap in the name
data-edge-space = a space at the start or the end of this text would print as a gap (超百 个, 全市前列 。): remove it
data-leading-dash = the subheadline starts with a dash: the documents print it after their own ——
data-trailing-mark = the name ends with “{ $mark }”: the 版记 joins the names with ，and ends the list with 。 itself
data-printed-before-date = printed on { $printed }, before the document's date { $date }
data-template-word = this starts with “{ $word }”, which the documents print before the source line already
data-year-range = the year { $value } is out of range: { $lo } to { $hi }
data-plan-year = the plan is for { $plan } but the achievements are of { $achievements }: the plan follows the year reported
data-bad-id = `{ $id }` is not a valid id: use lower-case snake_case such as `new_jobs`
data-duplicate-id = duplicate id `{ $id }`: already used at `{ $place }`
data-duplicate-chart = duplicate chart id `{ $id }`
data-duplicate-section = another section of this file has the id `{ $id }`
data-targets-in-achievements = targets belong in the plan file
data-target-value = missing: a target needs a `value` (with `unit`), or a `goal` in words (完成市下达目标)
data-written-unit = “{ $written }” ends with the magnitude its unit { $unit } starts with: “{ $printed }” would be printed
data-written = “{ $written }” does not read as { $value }
data-compare-plan = `compare` goes on plan figures, naming an achievements figure
data-compare-unit = `{ $id }` is in { $theirs }, this figure in { $ours }: compare like with like
data-compare-decrease = { $id } fell ({ $verb }): the chart draws last year's growth beside this year's target, and would draw the fall as growth; leave `compare` out, the text says it
data-compare-missing = `{ $id }` is not a figure of the achievements file
data-no-subjects = name at least one subject
data-rank-missing = missing: give a `position` (1 = 第一) or a `standing` (e.g. 前列)
data-rank-standing = position { $position } contradicts the standing “{ $standing }”, whose words name place { $places }
data-rank-from-bottom = “{ $standing }” counts from the bottom, and a position from the top: the two cannot both be given; keep the standing alone
data-standing-scope = the standing starts with its scope “{ $scope }”, which is printed before it: write the standing alone (第一, 前列)
data-rate-change-percent = the figure is a rate in %, and its change is in % too: a change of 5% is a twentieth of the rate, not 5 points
data-rate-change-percent-hint = where the article means points (提高5个百分点), set the change's `unit: 个百分点`
data-position-range = position { $value } is out of range: from 1
data-years-range = { $value } years is out of range: 连续N年 starts at 2
data-chart-empty = a chart needs members
data-chart-units = a chart compares like with like, but its members are in { $units }
data-member-unknown = `{ $id }` names no figure or target of this file
data-member-kind = `{ $id }` cannot be shown in a `{ $kind }` chart (shares need a share, compare needs `compare`, bars a value)
data-member-range = `{ $id }` is a range: a bar has one length, and drawn at its lower bound it would say less than the text; leave it to its card and its sentence
data-todo = still to fill in
data-todo-hint = fill in the value, or build with --draft to see it marked 【待填】

## The prose around placeholders

prose-unbalanced = unbalanced {"{"} or {"}"}: placeholders look like {"{"}id{"}"} or {"{"}id.yoy{"}"}
prose-no-yoy = placeholder { $placeholder }: figure `{ $id }` has no `yoy`
prose-no-share = placeholder { $placeholder }: figure `{ $id }` has no `share`
prose-qualifier-twice = “{ $word }” stands in the text beside a number whose qualifier the data prints already
prose-qualifier-twice-hint = remove “{ $word }” from the text (the `qualifier` prints it)
prose-qualifier-in-text = “{ $word }” stands in the text beside a number: a qualifier belongs to the data
prose-qualifier-in-text-hint = set `qualifier: { $word }` and remove “{ $word }” from the text; if it is part of a word (签约, 上下游), declare that word under vocabulary: compounds:
prose-estimate-missing = `{ $id }` is an estimate (`estimate: true`), but its sentence does not begin with 预计 or another word of estimate
prose-estimate-unmarked = the sentence says “{ $word }” before `{ $id }`: it is an estimate too
prose-estimate-unmarked-hint = set `estimate: true` (预计 covers the figures after it in its sentence); if the word is part of another (好于预计), declare that word under vocabulary: compounds:
prose-change-contradicts = the text says “{ $said }”, but the figure's `yoy.verb` is “{ $verb }”
prose-change-missing = the text before a change must end with its verb “{ $verb }” (同比{ $verb }…)
prose-scope-contradicts = the text says 占{ $said }, but the share is of { $scope }
prose-scope-missing = the text before a share must say 占{ $scope }的
prose-rank-verb = the text before the ranking must end with “{ $verb }”, its `verb` (remove `verb` where the text has none)
prose-years-contradict = the text says 连续{ $said }年, but the ranking's `years` is { $years }
prose-years-missing = the ranking's `years` is { $years }, but the text does not say 连续…年 before the place
prose-years-unmarked = the text says 连续{ $said }年, but the ranking has no `years`
prose-years-unmarked-hint = set `years: { $said }` on the ranking
prose-subject-missing = the ranking's subject “{ $subject }” is not in its sentence

## The theme file

theme-bad-key = a key of the theme must be a name
theme-unknown-key = unknown key `{ $key }`; known here: { $known }
theme-not-mapping = expected a mapping of keys, as in templates/theme.yaml
theme-not-text = expected text (or null, to keep the default)
theme-bad-colour = `{ $value }` is not a colour
theme-bad-colour-hint = write a colour as "#RRGGBB", e.g. "#C00000"
theme-colour-unquoted = `{ $value }` without quotes is a comment in YAML: the key is empty and the default colour stays
theme-colour-unquoted-hint = put the colour in quotes: { $key }: "{ $value }"
theme-contrast = { $colour } on { $ground } has a contrast of { $ratio }:1: text in it all but vanishes (at least 2:1; 4.5:1 reads well)
theme-contrast-hint = choose a darker colour for text, or a lighter ground
theme-ground-page = the white page

## brief fonts

font-origin-bundled = bundled  { $path }
font-origin-builtin = carried in brief  { $name }
font-origin-path = --font-path  { $path }
font-origin-embedded = embedded in typst
font-origin-system = system  { $path }
font-style-normal = normal
font-style-italic = italic
font-style-oblique = oblique
font-variant = { $style }, weight { $weight }, width { $stretch }  [{ $origin }]

## brief init --from

init-meta-header = The document of { $year } and { $next }: fill in every null (brief build lists them).
init-meta-sheet = Last year's figures sheet ({ $file }) is not carried over: it holds last year's figures. Name this year's with `figures:` once it exists.
init-year-beyond = the plan of next year would be for { $year }, past { $last }, the last year the data may hold
init-achievements-header = The achievements of { $year }: the sections and targets of the { $old } plan, every value to fill in.

## Operating-system errors

os-not-found = no such file or folder
os-permission = permission denied
os-exists = it exists already
os-full = the disk is full
os-read-only = the file system is read-only
os-is-directory = it is a folder
os-not-a-folder = a file is there, not a folder: name a folder with --out
os-bad-name = the file name is too long or not allowed
os-too-large = the file is too large
os-busy = the device or resource is busy
os-quota = the disk quota is exceeded
os-not-empty = the folder is not empty
os-too-many-links = too many links (or a loop of links)
os-crosses-devices = cannot move across disks
os-interrupted = interrupted
os-other = the system says: { $error }
os-not-directory = a part of the path is not a folder


## the data model of real reports
what = { $list ->
    [units] unit
    [qualifiers] qualifier
    [scopes] scope
    [bases] basis
    [changes] verb of change
   *[other] target verb
}
data-unknown-value = `{ $value }` is not one of: { $known }
data-not-a-number = “{ $text }” is not a number as brief reads it
hint-number-percent = write only the number, `{ $number }`, and `unit: "%"`
hint-number-unit = write only the number, `{ $number }`, and the unit in `unit: { $unit }`
hint-number-magnitude = write only the number, `{ $number }`: { $magnitude } belongs to the figure's unit (`unit: { $magnitude }元`, `{ $magnitude }人` …)
hint-number-thousands = write the number without separators, `{ $number }` (Chinese reports print none)
hint-number-fullwidth = type the digits half-width: `{ $number }` (switch the input method to half-width)
hint-number-point = write a digit before the point: `{ $number }`
hint-number-plain = write the number in digits as the article prints it: 7500, 10.0, 172.80
data-duplicate-id-hint = ids are unique across both data files: rename this one, for example `{ $free }`, and the placeholders that mean it
data-target-value-hint = a target in words: `goal: 与经济增长基本同步`
data-goal-verb = the goal starts with its verb “{ $verb }”, which is printed before it: write the goal without it
data-goal-number = a goal is the words of a target without a number, but it holds “{ $digits }”: give the number as the target's `value` (and `unit`), or declare a name that holds digits in `vocabulary: names`
data-goal-field = a target with a `goal` in words has no `{ $field }`
data-ratio-field = a ratio (`ratio:`) has no `{ $field }`
data-ratio-parts = a ratio has at least two parts: `ratio: [3.2, 44.2, 52.6]`
data-colon = `{ $value }` is not a colon of a ratio: write `：`, `:` or `∶`
data-range-order = the range ends (`to: { $to }`) at or below where it starts ({ $from })
data-dash = `{ $value }` is not a dash of a range; known: { $known }
data-dash-alone = `dash` goes with a range: give `to` too
data-share-whole = a share is of a place (`scope: 全市`) or of a quantity (`of: GDP`): give one of them
data-chart-decrease = `{ $id }` is a decrease: a bar chart of growth would show it as growth; leave it to the table
data-chart-wholes = the shares of one chart are of one whole; this one mixes { $wholes }: make a chart for each
data-part-empty = { $part } says nothing: no paragraph, no target (under its heading, where it has one)
data-part-empty-hint = write the article's paragraphs under `lead:` or in `sections:`
data-revise = carried from last year's project: revise it, then remove { $mark }
data-revise-hint = rewrite the text for this year and delete { $mark } at its start (brief build --draft shows it meanwhile)
data-vocabulary-twice = “{ $word }” is declared twice (first as item { $first })
data-recipient-twice = “{ $name }” is among the recipients twice (already at `{ $first }`): name each office once
data-recipients-too-long = the recipients' names come to { $count } characters with their marks; the 版记 holds { $max } (about a third of the last page): merge or shorten them
data-vocabulary-number = “{ $word }” holds a digit or a percent sign: printed beside a number it would join it (10亿元 after 1.4 prints 1.410亿元)
data-vocabulary-name-digits = the name “{ $word }” is only a number: it would let every { $word } of the paragraphs pass as a name; declare the whole name (公交站点500米覆盖率)
data-vocabulary-two-kinds = “{ $word }” is in the vocabulary's { $other } already: one word cannot be of two kinds, which the documents place differently
data-vocabulary-built-in = “{ $word }” is built in already: this line changes nothing
data-vocabulary-group-short = a group of same_units holds two units or more: the units that count the same thing ([户, 家])
data-vocabulary-unknown-unit = “{ $word }” is no unit brief knows (built in, or declared under units): this group loosens nothing for it
data-vocabulary-unknown-unit-hint = write the unit as the figures write it, or declare it under vocabulary: units:
data-vocabulary-both-ways = “{ $word }” is both a verb of increase (changes.up) and of decrease (changes.down): a verb says one direction; delete one of them
data-vocabulary-conflict = “{ $word }” is declared with another meaning than brief's own (a position or a direction): which one holds cannot be told
data-vocabulary-brace = “{ $word }” holds a brace, which would open or close a placeholder where the word is printed
data-vocabulary-unit-qualifier = the unit “{ $word }” holds the qualifier “{ $qualifier }”: give the figure `qualifier: { $qualifier }` and the unit without it
init-cannot-copy = { $path } was not copied: { $why }
init-not-a-file = not a regular file inside the project
init-too-large = { $mb } MB is too large to copy
prose-fullwidth-brace = a placeholder is written with full-width braces ｛ ｝
prose-fullwidth-brace-hint = type the braces half-width: {"{"}id{"}"} (switch the input method to half-width)
prose-bare-id = “{ $id }” is an id written without its braces: it would be printed as it is
prose-bare-id-hint = write the placeholder `{ $placeholder }` (half-width braces), which prints the figure
prose-line-break = the paragraph holds a line break (a `|` block?)
prose-line-break-hint = write each paragraph as one item of the list, on one line
prose-space = a space between two Chinese characters (a paragraph continued on the next line gets one from YAML)
prose-space-hint = keep the paragraph on one line, and delete the space
prose-field = { $placeholder } names a part that this entry does not have
prose-no-rank = { $placeholder }: figure `{ $id }` has no `rank`
prose-printed-twice = “{ $word }” stands after the placeholder, which prints it already
prose-printed-twice-hint = delete “{ $word }” after the placeholder
prose-fullwidth-digits = “{ $digits }” is typed in full-width digits
prose-fullwidth-digits-hint = type it with half-width digits (switch the input method to half-width); a figure of the data goes in as a placeholder
prose-rank-twice = the placeholder prints the place with its scope (全市第一, 全市前列) after the verb: the place or the verb is typed here again
prose-list-verb = { $placeholder } stands in a list said with “{ $first }”, but its data says “{ $verb }”: the text would say { $first } for it; give it the first item's verb and basis, or write its own verb before it
prose-qualifier-dropped = this placeholder prints the number without its qualifier “{ $word }”, and its clause does not say “{ $word }”: the text says less than the data
prose-qualifier-dropped-hint = write the placeholder without .value (it prints “{ $word }”), or type “{ $word }” in the clause as the article does (分别增长{"{"}a.value{"}"}、{"{"}b.value{"}"}以上)
prose-halfwidth-mark = a half-width “{ $mark }” in Chinese text
prose-halfwidth-mark-hint = Chinese text takes “{ $full }”: switch the input method to Chinese punctuation
prose-number-beside = a number or another placeholder is typed right beside the placeholder
prose-unit-after = “{ $word }” stands after the placeholder, which prints its unit “{ $unit }” already
prose-unit-after-hint = delete “{ $word }”; if the unit is not “{ $unit }”, correct `unit` in the data
prose-unit-before = the unit “{ $word }” stands right before the placeholder: the number would print after its unit
prose-unit-before-hint = delete “{ $word }” here: the placeholder prints the number with its unit after it
prose-no-words = this paragraph holds no word, only punctuation
prose-no-stop = this paragraph does not end a sentence (。！？): it may be cut short, or run on into the next
prose-no-stop-hint = end it as the report does, with its last words and 。
prose-odd-space = a space { $code } other than the plain one (no-break, ideographic or typographic, as pasted from a web page or Word) stands between Chinese characters and prints as a gap
prose-odd-space-hint = delete it: a Chinese sentence has no space between its characters
data-paragraph-twice = this paragraph is the same as { $first } of this file: pasted twice?
data-title-twice = this title is the same as { $first } of this file: two sections under one heading?
data-label-twice = this figure has the name of { $first } of this file: two cards or rows would read alike with different numbers
data-item-twice = “{ $item }” is given already, as item { $first } of this list
prose-sign-before = “{ $sign }” stands before the placeholder, which prints the number with its unit
prose-sign-before-hint = delete “{ $sign }” (the unit is written in `unit`, as 亿美元)
prose-share-of = the sentence does not say 占{ $of }, as the share's `of` does
prose-basis-missing = the text before the number must say { $basis }{ $verb }, as the data's `basis` does
prose-basis-unmarked = the text says “{ $basis }” before the verb, which the data does not carry
prose-basis-unmarked-hint = add `basis: { $basis }`
prose-target-verb = the text before target `{ $id }` must end with “{ $verb }”, its `verb`
prose-target-verb-unmarked = the text says “{ $verb }” before target `{ $id }`, which has no `verb`
prose-target-verb-unmarked-hint = add `verb: { $verb }`
prose-digits = the number { $digits } stands in the text outside a placeholder: the data does not carry it, so a change would go unseen
prose-digits-hint = make it a figure of the section and write {"{"}id{"}"} in its place; where the digits are part of a name, declare the name in data/meta.yaml under `vocabulary:`, `names:` (years, dates and quoted names are not counted)
theme-defaults-missing = { $key } is missing: the templates read every key of brief's own templates/theme.yaml
theme-defaults-missing-hint = copy the key from templates/theme.yaml of a project `brief init` makes, or delete this file to use brief's own
theme-unbalanced = a brace {"{"} or {"}"} does not close: this word takes { $known }
theme-placeholder-missing = { $placeholder } is missing: brief fills it in (the issue number, the date, the year), and without it the words say less than the document
theme-placeholder-twice = { $placeholder } is written twice: brief fills one value into both
theme-unknown-placeholder = { $placeholder } is not filled in by brief in this word; it knows: { $known }
theme-word-doubled = “{ $word }” is typed twice over
theme-word-twice = “{ $word }” after a placeholder: the character is typed twice
theme-bad-choice = “{ $value }” is not one of the values this key takes: { $known }
hint-number-only = write only the number: `{ $number }`
syntax-hint = look at this line and the one above it: a colon and a space after each key, the same indentation as the lines beside it, quotes closed
syntax-fullwidth-colon = the key `{ $key }` ends with a full-width colon ：
syntax-fullwidth-colon-hint = replace ： with a half-width colon and a space: `{ $key }: ` (switch the input method to half-width)
syntax-fullwidth-space = a full-width space (U+3000) indents this line
syntax-fullwidth-space-hint = indent with half-width spaces only, as the lines around it
syntax-odd-space = after `{ $key }:` stands a full-width or no-break space, not a plain space
syntax-odd-space-hint = replace it with one half-width space: `{ $key }: `
syntax-colon-space = no space after the colon of `{ $key }`
syntax-colon-space-hint = write a space after the colon: `{ $key }: `
syntax-reserved = a value cannot start with { $ch } unquoted: YAML reserves it
syntax-reserved-hint = put the value in quotes: `{ $key }: "{ $value }"`
syntax-open-quote = the quote { $quote } is not closed on this line
syntax-open-quote-hint = close it at the end of the value with { $quote }, or remove it
syntax-open-bracket = the { $ch } opened here is not closed on this line
syntax-open-bracket-hint = close it at the end of the value with { $close }, or remove the { $ch }
syntax-hash-comment = `{ $value }` without quotes starts a comment in YAML: the rest of the line is left out
syntax-hash-comment-hint = put it in quotes: { $key }: "{ $value }"
syntax-fullwidth-hash = a comment typed with a full-width ＃ (or after a full-width space) is no comment: YAML reads it as part of the text, which would be printed
syntax-fullwidth-hash-hint = type the # half-width, after a plain space (switch the input method to half-width), or delete the comment
syntax-bad-escape = `{ $escape }` in double quotes is not something YAML can read: a backslash there starts an escape such as \n
syntax-bad-escape-hint = to write a backslash itself, write two (\\), or leave the quotes out (or use single quotes '…')
syntax-unclosed = the file ends inside a quote: a quote opened above is never closed
syntax-unclosed-bracket = a list [ ] or a mapping {"{"} {"}"} opened above is not closed
syntax-stray-colon = a colon stands where YAML cannot start a key: a text holding ": " needs quotes, or this line is indented unlike its block
syntax-bad-start = a value starts with a character YAML reserves (%, @, `, *, &, !)
syntax-fullwidth-bracket = a full-width { $ch } stands where a YAML list or mapping starts
syntax-fullwidth-bracket-hint = use the half-width { $half }
syntax-fullwidth-comma = the items of this list are separated by a full-width comma ，, so the list holds one text
syntax-fullwidth-comma-hint = separate the items with a half-width comma and a space: [甲, 乙]
syntax-fullwidth-comma-map = two keys of this mapping {"{"} {"}"} are separated by a full-width comma ，, so YAML reads them as one text
syntax-fullwidth-comma-map-hint = separate them with a half-width comma and a space: {"{"} value: 14.3, verb: 增长 {"}"}
syntax-fullwidth-dash = a list item starts with a full-width dash
syntax-fullwidth-dash-hint = start the item with a half-width - and a space
syntax-key-indent = this key is indented unlike the keys of its block
syntax-key-indent-hint = indent it like the keys beside it ({ $spaces } spaces), with spaces only
syntax-item-indent = this list item is indented further than the items above it
syntax-item-indent-hint = indent it like the other items ({ $spaces } spaces), or end the line above with a colon if it opens this list
data-utf16 = the file is saved as UTF-16 (Notepad’s “Unicode”), not UTF-8
data-utf16-hint = save it as UTF-8: in Notepad, File → Save As, Encoding: UTF-8
hint-number-quoted = write the number without the full-width quotes: `{ $number }`
data-tab-indent-hint = replace the tab with spaces (most editors have a setting “indent using spaces”)
data-anchor-hint = a value starting with & or * is YAML’s own: put it in quotes if it is text
data-empty-text-hint = write the text, or delete the line where the field may be left out
data-duplicate-key-hint = keep one of the two lines: a key is set once
role-figures = the figures sheet
sheet-cannot-read = the figures sheet cannot be read: { $why }
sheet-cannot-read-hint = name a file of data/ (figures: {"{"} file: 指标.xlsx {"}"}), a regular file of at most 8 MB
sheet-format = the figures sheet is not a spreadsheet brief reads ({ $why })
sheet-not-a-workbook = the content is not an .xlsx, .xls or .ods workbook
sheet-too-many-cells = the sheet spans more cells than brief reads: a cell stands far from the figures (Ctrl+End goes to it; delete what stands there, or copy the figures to a new sheet)
sheet-unpacks-too-large = the workbook unpacks to { $size } MB, more than { $max } MB: keep only the sheet of figures and save it as a new file
sheet-damaged = the sheet “{ $name }” cannot be read; the file may be damaged
sheet-csv-not-utf8 = the .csv file is not UTF-8
sheet-csv-quote = a quote (") opens this cell and is not closed before the next rows: they would be read as this cell's text, and their figures not at all
sheet-csv-quote-hint = end the cell with a half-width " too, or type the label's quotes as “” (a quote that starts a cell opens it; one inside a cell is text)
sheet-far-cell = a cell stands at { $cell }, so far from the figures that the sheet would span millions of empty cells
sheet-far-cell-hint = delete what stands there (Ctrl+End goes to it), or copy the figures to a new sheet
sheet-format-hint = save it as .xlsx, .xls or .ods, or as .csv in UTF-8
sheet-no-sheet = the figures sheet has no sheet “{ $name }”; it has: { $names }
sheet-no-sheet-hint = write the sheet’s name as the spreadsheet shows it on its tab, or leave `sheet` out for the first one
sheet-no-id = the figures sheet has no column `id` (标识) in its header row
sheet-layout-hint = the first row names the columns: id (标识), value (数值), and where needed yoy (同比), share (占比), written (写法), label (名称, not read); see docs/data.md
sheet-header = the column “{ $header }” of the figures sheet is not one brief reads
sheet-unknown-id = no figure of the data has the id `{ $id }`
sheet-column-twice = the column “{ $header }” gives what the column at { $first } gives already
sheet-column-twice-hint = keep one column for each: id (标识), value (数值), yoy (同比), share (占比), written (写法)
sheet-twice = the id `{ $id }` stands in two rows of the sheet
sheet-twice-hint = keep one row for each figure
sheet-no-such = figure `{ $id }` has no { $what } in the data, so this cell has nowhere to go
sheet-no-such-hint = add `{ $what }` to the figure in its data file (with the words of the text), or leave the cell empty
sheet-date-cell = this cell holds a date, which the sheet keeps as a day count (2023-01-15 is 44941): it gives no figure
sheet-date-cell-hint = format the cell as a number or as text (Format Cells → Number or Text) and type the figure again
sheet-no-result = this cell holds a formula with no saved result (the file was written by a program and never calculated): it reads as empty
sheet-no-result-hint = open the file in Excel or WPS and save it, so that the formula's result is saved with it, or type the figure
sheet-merged = this cell is merged with others: its value stands in one of them only, and the rows it spans cannot each be read
sheet-merged-hint = unmerge the cells (Merge & Center off) and give each row its own id and value
sheet-hidden = this cell is hidden (in a hidden row or column, one of no height or width, or formatted to show nothing, like ;;;): a figure nobody sees on screen would reach the documents
sheet-scaled = this cell's number format shows another number than it holds (in 万 or thousands, or with a point of its own, like 0!.0000"万"): which one is the figure cannot be told
sheet-scaled-hint = hold the figure as printed (2409 for 2409万元) and format the cell as a plain number (General, 0.0 or 0.00)
sheet-zero-blank = this cell holds 0, which the sheet shows as an empty cell or a dash (its number format, or the sheet set not to show zeros): the documents would print 0, a figure nobody sees on screen
sheet-zero-blank-hint = if the figure is 0, format the cell to show it (General, 0.0); else type the figure, or clear the cell to keep the value in the YAML
sheet-percent = this cell is formatted as a percent, but the figure is in { $unit }: the sheet shows 14% where brief would print 14{ $unit }
sheet-percent-hint = format the cell as a plain number holding the figure as printed, or give the figure the unit %
sheet-hidden-hint = show the row or column (Unhide), or give the cell a plain number format, if it holds this year's figure; or delete it
sheet-unheaded = this cell stands in a column with no header: brief cannot tell what it gives
templates-older = the project's templates were copied from brief's templates of revision { $theirs }; this brief carries revision { $ours }
templates-older-hint = see what changed: brief init --templates /tmp/new && diff -ru templates /tmp/new/templates (or remove templates/ to use brief’s own)
prose-unknown-id = placeholder { $placeholder } names no figure, ranking or target of the data
prose-field-hint = a figure has {"{"}id{"}"}, {"{"}id.value{"}"}, {"{"}id.yoy{"}"}, {"{"}id.share{"}"}, {"{"}id.rank{"}"}; a ranking {"{"}id.rank{"}"}; a target {"{"}id{"}"}, {"{"}id.value{"}"}
init-plan-header = The plan of { $year }: last year's plan as the starting text; every text marked 【待改】 is to revise, every null to fill in.
hint-vocabulary = or declare it in data/meta.yaml:
hint-vocabulary-change = or declare it in data/meta.yaml (under `down:` if it says a decrease):
help-docx = Also write out/briefing.docx: the briefing as an editable Word/WPS document
help-docx-font = In the .docx, name another face for a bundled one, e.g. "Noto Serif SC=宋体"; `office` names a 公文's faces (方正小标宋简体, 黑体, 楷体_GB2312, 仿宋_GB2312), `windows` 宋体 and 微软雅黑; without it the bundled faces' glyphs are embedded (repeatable)
usage-docx-only = --docx is made from the briefing: drop --only slides
usage-docx-font = --docx-font goes with --docx
usage-pdf-standards = --pdf-standard { $standards }: these standards cannot go together: give at most one PDF version, one PDF/A part and one PDF/UA part; a PDF/A part allows only some versions, so leave the version out and the part's own is used
usage-face-unused = { $option } names `{ $family }`, which no document sets: the documents set { $known }
usage-face-twice = { $option } gives `{ $family }` two faces, { $first } and { $second }: give it one
fail-docx = the .docx cannot be written: { $error }
arg-docx-face = `{ $value }` is not FAMILY=NAME (or `office`, `windows`)
