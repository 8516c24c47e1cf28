# output

# templates and typesetting
template-unreadable = cannot read the template: { $reason }
template-parse = the template does not parse: { $reason }
template-failed = the template failed: { $reason }
typst-template-problem-help = this is a template problem, not a content problem: run `gongwen build --emit-typst` to see the generated Typst
typst-failed = typesetting failed: { $reason }
typst-failed-at = typesetting failed: { $reason } (generated line { $line }: `{ $text }`)
typst-warns = Typst warns: { $reason }
typst-warns-at = Typst warns: { $reason } (generated line { $line }: `{ $text }`)
typst-no-packages = packages are not available offline ({ $spec })
report-stray-pages = the year report template leaves pages with gw.borrowed({ $chapter }, …) but gongwen has no typeset pages to set there: they would be blank
report-stray-pages-help = call gw.borrowed only with the page counts gongwen passes in `borrow` (0: typeset the summary there), as the built-in report.typ does

# Word files and the site
docx-cannot-write = cannot write its .docx: { $reason }
docx-cannot-write-help = this is a bug in gongwen's Word output; please report it
site-foreign-folder = holds files gongwen did not write; the site would replace them
site-foreign-folder-help = move the folder away, or pass --out DIR to build somewhere else
site-cannot-stage = cannot create the staging folder: { $reason }
site-cannot-copy = cannot copy into the site: { $reason }
site-cannot-place = cannot put the new site in place: { $reason }
site-cannot-move-old = cannot move the old site aside: { $reason }

# serve
serve-cannot-start = cannot start the server: { $reason }
serve-cannot-listen = cannot listen on { $address }: { $reason }
serve-localhost-only = gongwen serve answers only requests for localhost (it is a preview, not a server)
serve-not-found = 404 not found
serve-rebuilt = rebuilt: { $written ->
    [one] 1 file
   *[other] { $written } files
} written, { $kept } unchanged; site { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}, { $changed ->
    [one] 1 file
   *[other] { $changed } files
} changed
