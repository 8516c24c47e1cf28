# proofread

# punctuation
pr-half-width = half-width `{ $mark }` in Chinese text
pr-half-width-help = GB/T 15834 uses the full-width mark in Chinese text: write `{ $wide }`
pr-straight-quote = straight quote `{ $mark }` in Chinese text
pr-straight-quote-help = write `{ $curly }`: Chinese text uses “ ” (and ‘ ’ inside them)
pr-unopened = `{ $mark }` closes a `{ $opener }` that was not opened
pr-unopened-help = add the `{ $opener }` where it begins, or remove this `{ $mark }`
pr-unclosed = `{ $mark }` is not closed
pr-unclosed-help = add the `{ $close }` where it ends, or remove this `{ $mark }`
pr-single-outside = single quotes `‘’` outside double quotes
pr-single-outside-help = GB/T 15834 quotes with “ ” and uses ‘ ’ only inside them: write “…”
pr-double-inside = double quotes `“”` directly inside double quotes
pr-double-inside-help = inside “ ” quote with ‘ ’: “…‘…’…”
pr-comma-before-deng = `、` before `等`
pr-comma-before-deng-help = the list ends at 等 without 、: write `等`
pr-double-stop = two stops in a row: `{ $marks }`
pr-double-stop-help = keep the one the sentence needs
pr-title-stop = a title or heading ends with `{ $mark }`
pr-title-stop-help = titles and headings end without a stop: remove it
pr-dash-typed = `{ $written }` for a dash
pr-dash-typed-help = the 破折号 is two em dashes: write `——`
pr-dash-single = a single `—` between Chinese words
pr-dash-single-help = the 破折号 is two em dashes `——`; a single `—` is right only where it joins a range (北京—上海)

# numbers, dates and 发文字号
pr-year-short = the year in `{ $written }` has two digits
pr-year-short-help = GB/T 15835 writes years in full: 2020年, not 20年
pr-year-range = the range `{ $written }` is joined with `{ $mark }`
pr-year-range-help = GB/T 15834 joins a range of times with the 一字线: write `{ $fixed }`
pr-date-zero = the date `{ $written }` has a leading zero
pr-date-zero-help = GB/T 15835 writes dates without leading zeros: write `{ $fixed }`
pr-docno-brackets = the 发文字号 `…{ $written }` has the year in { $brackets }
pr-docno-di = the 发文字号 `…{ $written }` has 第 before the number
pr-docno-zero = the 发文字号 `…{ $written }` has a leading zero
pr-docno-help = GB/T 9704 writes the year in 〔〕 and the number without 第 or leading zeros: write `{ $fixed }`
pr-repeated = `{ $word }` is written twice: `{ $written }`
pr-repeated-help = write `{ $word }` once
pr-more = { $n } more of the same not listed
pr-more-help = fix the ones listed above, then run gongwen check again for the rest

# headings
pr-heading-skip = a `{ $heading }` heading under `{ $parent }` skips the `{ $missing }` level
pr-heading-skip-help = GB/T 9704 numbers the levels in order: 一、 then （一） then 1. then （1）
pr-heading-skips = heading number `{ $number }` skips `{ $skipped }`
pr-heading-again = heading number `{ $number }` comes again after `{ $previous }`
pr-heading-order-help = number the headings of a level in order, from the first under each higher heading: `{ $expected }` comes here
pr-heading-form = heading number written `{ $written }`
pr-heading-form-help = GB/T 9704 writes it `{ $right }`
pr-heading-level = a `{ $marks }` heading (the `{ $level }` level) is numbered `{ $written }`
pr-heading-level-help = use `{ $marks }` for a `{ $level }` heading, or renumber it
pr-empty-section = the heading `{ $heading }` has nothing under it
pr-empty-section-help = write the section's text, or remove the heading

# the body's structure
pr-after-closing = text follows `{ $phrase }`
pr-after-closing-help = `{ $phrase }` closes the body: move what follows before it, or remove it
pr-mention-none = the text refers to `{ $written }` but the notice has no attachments
pr-mention-none-help = list it under `attachments:` in the front matter, or remove the reference
pr-mention-never = the notice attaches `{ $name }` but its text never refers to it
pr-mention-never-help = say in the text what it is for, e.g. ……（见附件）, or name it in the title (关于印发《…》的通知)
pr-to-ends-with = the 主送 ends with `{ $mark }`
pr-to-ends-with-help = end it with the last name: gongwen adds the colon (各有关部门：)
pr-to-in-body = the first paragraph `{ $text }` reads like the 主送 without its colon
pr-to-in-body-help = write it as `to:` in the front matter (gongwen sets it flush left with its colon), or end it with `：`
pr-mention-beyond-help = check the number against the list under `attachments:`
pr-mention-beyond = the text refers to `{ $written }` but the notice has { $count ->
    [one] 1 attachment
   *[other] { $count } attachments
}

# names and citations
pr-the-notice = the notice { $file }
pr-rule-unknown = unknown proofreading rule `{ $name }`
pr-rule-unknown-help = the rules are listed in the README, under Proofreading
pr-what-title = the title
pr-what-signature = the 署名
pr-what-printed-by = the 印发机关
pr-organ-other = { $what } names `{ $name }`, another organ than the 发文机关标志 `{ $mark }`
pr-organ-other-help = a full and a short name of one organ are fine; check which organ issues the document
pr-attachment-title = the 附件说明 names `{ $name }` but the attachment's title is `{ $title }`
pr-attachment-title-help = GB/T 9704 §7.3.7 wants them to match: correct the one that is wrong
pr-unit-typo = `{ $written }` is one character off the unit `{ $right }` of content/units.yaml
pr-unit-typo-help = write `{ $right }` (or, if `{ $written }` is another name of it, add it to its `aliases`)
pr-cited-number = 《{ $title }》 is cited as { $number } here but as { $other } ({ $there })
pr-cited-title = { $number } is cited as 《{ $title }》 here but as 《{ $other }》 ({ $there })
pr-cited-help = one document has one title and one 发文字号: check which is right and correct the other
