# check

# fonts
role-title = 小标宋 (titles, 发文机关标志)
role-body = 仿宋 (body text)
role-hei = 黑体 (一、 headings, 密级, 附件 labels)
role-kai = 楷体 (（一） headings, 签发人 names)
role-song = 宋体 (page numbers)
font-path-missing = --font-path: there is no such folder
font-path-missing-help = name a folder that holds font files (.ttf, .otf, .ttc)
font-damaged = the font `{ $family }` cannot be used: the file is damaged or has no glyph outlines
font-damaged-help = replace the file with a good copy, or remove it from the fonts folder; the embedded font is used meanwhile
font-from-file = { $family } ({ $file })
font-installed = { $family } (installed)
font-embedded = { $family } (embedded)
char-fallback = `{ $char }` (U+{ $code }) is not in the { $role } font ({ $font }); it is drawn with { $fallback }
char-fallback-help = it may look a little different from its neighbours; a { $role } font that has it, named under `fonts: { $key }:` in content/gongwen.yaml, draws it in place
char-missing = no font can draw `{ $char }` (U+{ $code }) in { $role }: { $fonts } lacks it
char-missing-help = replace the character, or install a font that has it and name it under `fonts: { $key }:` in content/gongwen.yaml (or pass --font-path DIR)
chars-missing-more-help = the text may be in a script the fonts do not cover; check the characters listed above
chars-missing-more = { $n ->
    [one] 1 more character no font can draw
   *[other] { $n } more characters no font can draw
}

# output files
name-too-long = gives a file name of { $bytes } bytes; file systems hold at most { $limit }
name-too-long-help = shorten the name (a unit's id, a 发文字号, a file name)
same-docno = has the same 发文字号 as { $file }
same-docno-help = each notice needs its own 发文字号; neither is written until they differ
same-output = would be written to { $path }, as { $file } is
same-output-help = each document needs a name of its own (its 发文字号, file name or unit id); neither is written until they differ
placeholder-left = the scaffold's placeholder text is still here
placeholder-left-help = write the real text in its place; a document with a placeholder is not published
document-too-large = { $what } holds { $size } MB of text; gongwen typesets at most { $limit } MB in one document
document-too-large-help = split it into several documents
what-notice-with-attachments = the notice with its attachments
what-year-report = the { $year } year report
out-file-in-the-way = is a file, but gongwen writes a folder there
out-file-in-the-way-help = move the file away, or pass --out DIR to build somewhere else
report-not-rebuilt = the { $year } year report is not rebuilt: what it compiles has errors (see above)
report-not-rebuilt-help = fix those; until then the last year report built stays as it was
