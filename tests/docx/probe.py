#!/usr/bin/env python3
"""An independent reader for the .docx gongwen writes (python-docx), used by tests/it/docx.rs.

  probe.py facts DOCX        prints what a reader finds, as JSON: sections (page size,
                               margins, grid), footers, styles, every paragraph and table in
                               order with its style and effective East Asian font
  probe.py fill FORM OUT     fills in a form as a unit would, from a JSON spec on stdin
"""
import json
import sys

import docx
from docx.oxml.ns import qn


def style_chain(style):
    while style is not None:
        yield style
        style = style.base_style


def east_asia(run, para):
    """The East Asian font a run is set in: the run's own, else its paragraph style's chain,
    else the document defaults."""
    def of(rpr):
        if rpr is None:
            return None
        f = rpr.find(qn("w:rFonts"))
        return None if f is None else f.get(qn("w:eastAsia"))
    if run is not None:
        own = of(run._r.rPr)
        if own:
            return own
    for s in style_chain(para.style):
        v = of(s.element.rPr)
        if v:
            return v
    defaults = para.part.document.styles.element.find(qn("w:docDefaults"))
    if defaults is not None:
        r = defaults.find(qn("w:rPrDefault"))
        if r is not None:
            return of(r.find(qn("w:rPr")))
    return None


def style_value(para, get):
    for s in style_chain(para.style):
        v = get(s)
        if v is not None:
            return v
    return None


def para_facts(p):
    runs = [r for r in p.runs if r.text]
    fonts = sorted({east_asia(r, p) for r in runs} or {east_asia(None, p)}, key=str)
    sizes = sorted({(r.font.size or style_value(p, lambda s: s.font.size)).pt for r in runs
                    if (r.font.size or style_value(p, lambda s: s.font.size)) is not None})
    colours = sorted({str(r.font.color.rgb or style_value(p, lambda s: s.font.color.rgb))
                      for r in runs})
    ppr = p._p.pPr
    return {
        "kind": "p",
        "style": p.style.name,
        "text": p.text,
        "fonts": fonts,
        "sizes": sizes,
        "colours": colours,
        "page_break_before": bool(p.paragraph_format.page_break_before),
        "bottom_border": ppr is not None and ppr.find(qn("w:pBdr")) is not None,
        "align": None if p.alignment is None else str(p.alignment),
        # Field instructions (PAGEREF _Toc1 \\h …) and bookmarks the paragraph holds.
        "fields": [" ".join(t.text.split()) for t in p._p.iter(qn("w:instrText"))],
        "bookmarks": [b.get(qn("w:name")) for b in p._p.iter(qn("w:bookmarkStart"))],
    }


def table_facts(t):
    tbl = t._tbl
    grid = [int(c.get(qn("w:w"))) for c in tbl.tblGrid.findall(qn("w:gridCol"))]
    rows = []
    for tr in tbl.tr_lst:
        trpr = tr.trPr
        cells = []
        for tc in tr.tc_lst:
            span = tc.tcPr.find(qn("w:gridSpan")) if tc.tcPr is not None else None
            paras = [docx.text.paragraph.Paragraph(p, t._parent) for p in tc.p_lst]
            cells.append({
                "text": "\n".join(p.text for p in paras),
                "span": int(span.get(qn("w:val"))) if span is not None else 1,
                "fonts": sorted({f for p in paras for f in para_facts(p)["fonts"] if f}, key=str),
                "styles": sorted({p.style.name for p in paras}),
                "paragraphs": [para_facts(p) for p in paras],
                "valign": None if tc.tcPr is None or tc.tcPr.find(qn("w:vAlign")) is None
                else tc.tcPr.find(qn("w:vAlign")).get(qn("w:val")),
            })
        rows.append({
            "header": trpr is not None and trpr.find(qn("w:tblHeader")) is not None,
            "cant_split": trpr is not None and trpr.find(qn("w:cantSplit")) is not None,
            "cells": cells,
        })
    tblpr = tbl.tblPr
    borders = tblpr.find(qn("w:tblBorders"))
    jc = tblpr.find(qn("w:jc"))
    return {
        "kind": "table",
        "style": t.style.name if t.style is not None else None,
        "grid": grid,
        "floating": tblpr.find(qn("w:tblpPr")) is not None,
        # Each edge drawn: its width in eighths of a point.
        "borders": {} if borders is None else {
            b.tag.split("}")[1]: int(b.get(qn("w:sz"), "0")) for b in borders
            if b.get(qn("w:val")) not in (None, "nil", "none")
        },
        "align": None if jc is None else jc.get(qn("w:val")),
        "rows": rows,
    }


def footer_facts(footer):
    xml = footer._element.xml
    return {
        "text": "".join(p.text for p in footer.paragraphs),
        "page_field": "PAGE" in "".join(footer._element.itertext()) or "PAGE" in xml,
        "align": [str(p.alignment) for p in footer.paragraphs],
        "linked": footer.is_linked_to_previous,
    }


def facts(path):
    d = docx.Document(path)
    sections = []
    for s in d.sections:
        g = s._sectPr.find(qn("w:docGrid"))
        sections.append({
            "width_mm": round(s.page_width.mm, 1),
            "height_mm": round(s.page_height.mm, 1),
            "orientation": str(s.orientation),
            "top_mm": round(s.top_margin.mm, 1),
            "bottom_mm": round(s.bottom_margin.mm, 1),
            "left_mm": round(s.left_margin.mm, 1),
            "right_mm": round(s.right_margin.mm, 1),
            "footer_mm": round(s.footer_distance.mm, 1),
            "grid": None if g is None else {k.split("}")[1]: v for k, v in g.attrib.items()},
            "footer": footer_facts(s.footer),
            "even_footer": footer_facts(s.even_page_footer),
            "page_start": None if s._sectPr.find(qn("w:pgNumType")) is None
            else s._sectPr.find(qn("w:pgNumType")).get(qn("w:start")),
        })
    body = []
    for child in d.element.body.iterchildren():
        if child.tag == qn("w:p"):
            body.append(para_facts(docx.text.paragraph.Paragraph(child, d)))
        elif child.tag == qn("w:tbl"):
            body.append(table_facts(docx.table.Table(child, d)))
    styles = {}
    for s in d.styles:
        if s.type != docx.enum.style.WD_STYLE_TYPE.PARAGRAPH:
            continue
        rpr = s.element.rPr
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        spacing = rpr.find(qn("w:spacing")) if rpr is not None else None
        ppr = s.element.pPr
        outline = ppr.find(qn("w:outlineLvl")) if ppr is not None else None
        styles[s.name] = {
            "east_asia": fonts.get(qn("w:eastAsia")) if fonts is not None else None,
            "size": s.font.size.pt if s.font.size else None,
            "tracking": int(spacing.get(qn("w:val"))) if spacing is not None else None,
            "line_twips": s.paragraph_format.line_spacing.twips
            if hasattr(s.paragraph_format.line_spacing, "twips") else None,
            "outline": int(outline.get(qn("w:val"))) if outline is not None else None,
            "based_on": s.base_style.name if s.base_style is not None else None,
        }
    return {
        "sections": sections,
        "even_and_odd": d.settings.odd_and_even_pages_header_footer,
        "styles": styles,
        "body": body,
        "core": {"created": str(d.core_properties.created)},
    }


def set_cell(cell, text):
    """Replaces a cell's text: paragraphs at blank lines, line breaks at single line feeds."""
    paras = text.split("\n\n")
    first = cell.paragraphs[0]
    for extra in cell.paragraphs[1:]:
        extra._p.getparent().remove(extra._p)
    for r in list(first.runs):
        r._r.getparent().remove(r._r)
    for i, ptext in enumerate(paras):
        p = first if i == 0 else cell.add_paragraph()
        for j, line in enumerate(ptext.split("\n")):
            run = p.add_run(line)
            if j < len(ptext.split("\n")) - 1:
                run.add_break()


def fill(form, out, spec):
    d = docx.Document(form)
    info, tasks = d.tables[0], d.tables[1]
    if "date" in spec:
        set_cell(info.rows[2].cells[1], spec["date"])
    if "unit_cell" in spec:
        set_cell(info.rows[0].cells[1], spec["unit_cell"])
    for r in spec.get("rows", []):
        row = tasks.rows[r["row"]]
        if "status" in r:
            set_cell(row.cells[3], r["status"])
        if "summary" in r:
            set_cell(row.cells[4], r["summary"])
    for s in spec.get("set", []):
        set_cell(tasks.rows[s["row"]].cells[s["col"]], s["text"])
    for i in sorted(spec.get("delete_rows", []), reverse=True):
        tr = tasks.rows[i]._tr
        tr.getparent().remove(tr)
    for c in spec.get("copy_rows", []):
        import copy
        tr = copy.deepcopy(tasks.rows[c["row"]]._tr)
        tasks._tbl.append(tr)
        row = tasks.rows[len(tasks.rows) - 1]
        for col, text in c.get("cells", {}).items():
            set_cell(row.cells[int(col)], text)
    # The narrative: the empty paragraph left under 全年工作总结 is the first one written.
    last = d.paragraphs[-1]
    for i, p in enumerate(spec.get("narrative", [])):
        target = last if i == 0 else d.add_paragraph()
        text = p["text"] if isinstance(p, dict) else p
        target.add_run(text)
        if isinstance(p, dict) and p.get("style"):
            target.style = d.styles[p["style"]]
    d.save(out)


def main():
    cmd = sys.argv[1]
    if cmd == "facts":
        json.dump(facts(sys.argv[2]), sys.stdout, ensure_ascii=False)
    elif cmd == "fill":
        fill(sys.argv[2], sys.argv[3], json.load(sys.stdin))
    else:
        sys.exit(f"unknown command {cmd}")


if __name__ == "__main__":
    main()
