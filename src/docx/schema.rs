//! The order WordprocessingML requires of the children of the property elements we write
//! (ECMA-376 Part 1, transitional schema wml.xsd: each is an `xsd:sequence`). docx-rs 0.4.22
//! writes several of them out of order (its issue #724: `w:sz` before `w:rFonts`, a style's
//! `w:rPr` before its `w:pPr` …), which Word may report as unreadable content; the post-pass
//! sorts them with these lists.

/// The child sequence of a container element, or None when its children may come in any order
/// (or it is not one we reorder).
pub(crate) fn sequence(container: &str) -> Option<&'static [&'static str]> {
    Some(match container {
        "w:rPr" => RPR,
        "w:pPr" => PPR,
        "w:sectPr" => SECT_PR,
        "w:tblPr" => TBL_PR,
        "w:tcPr" => TC_PR,
        "w:trPr" => TR_PR,
        "w:style" => STYLE,
        "w:tblBorders" => TBL_BORDERS,
        "w:tcBorders" => TC_BORDERS,
        "w:pBdr" => P_BDR,
        "w:tblCellMar" | "w:tcMar" => CELL_MAR,
        "w:tbl" => TBL,
        "w:tr" => TR,
        "w:tc" => TC,
        "w:p" => P,
        "w:r" => R,
        "w:docDefaults" => DOC_DEFAULTS,
        "w:styles" => STYLES,
        "w:body" => BODY,
        "w:numbering" => NUMBERING,
        "w:abstractNum" => ABSTRACT_NUM,
        "w:lvl" => LVL,
        "w:settings" => SETTINGS,
        _ => return None,
    })
}

/// CT_RPr (EG_RPrBase), preceded by the revision marks of CT_ParaRPr.
const RPR: &[&str] = &[
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:rStyle",
    "w:rFonts",
    "w:b",
    "w:bCs",
    "w:i",
    "w:iCs",
    "w:caps",
    "w:smallCaps",
    "w:strike",
    "w:dstrike",
    "w:outline",
    "w:shadow",
    "w:emboss",
    "w:imprint",
    "w:noProof",
    "w:snapToGrid",
    "w:vanish",
    "w:webHidden",
    "w:color",
    "w:spacing",
    "w:w",
    "w:kern",
    "w:position",
    "w:sz",
    "w:szCs",
    "w:highlight",
    "w:u",
    "w:effect",
    "w:bdr",
    "w:shd",
    "w:fitText",
    "w:vertAlign",
    "w:rtl",
    "w:cs",
    "w:em",
    "w:lang",
    "w:eastAsianLayout",
    "w:specVanish",
    "w:oMath",
    "w:rPrChange",
];

/// CT_PPr (CT_PPrBase, then rPr, sectPr, pPrChange).
const PPR: &[&str] = &[
    "w:pStyle",
    "w:keepNext",
    "w:keepLines",
    "w:pageBreakBefore",
    "w:framePr",
    "w:widowControl",
    "w:numPr",
    "w:suppressLineNumbers",
    "w:pBdr",
    "w:shd",
    "w:tabs",
    "w:suppressAutoHyphens",
    "w:kinsoku",
    "w:wordWrap",
    "w:overflowPunct",
    "w:topLinePunct",
    "w:autoSpaceDE",
    "w:autoSpaceDN",
    "w:bidi",
    "w:adjustRightInd",
    "w:snapToGrid",
    "w:spacing",
    "w:ind",
    "w:contextualSpacing",
    "w:mirrorIndents",
    "w:suppressOverlap",
    "w:jc",
    "w:textDirection",
    "w:textAlignment",
    "w:textboxTightWrap",
    "w:outlineLvl",
    "w:divId",
    "w:cnfStyle",
    "w:rPr",
    "w:sectPr",
    "w:pPrChange",
];

/// CT_SectPr: header and footer references first (in any order among themselves).
const SECT_PR: &[&str] = &[
    "w:headerReference|w:footerReference",
    "w:footnotePr",
    "w:endnotePr",
    "w:type",
    "w:pgSz",
    "w:pgMar",
    "w:paperSrc",
    "w:pgBorders",
    "w:lnNumType",
    "w:pgNumType",
    "w:cols",
    "w:formProt",
    "w:vAlign",
    "w:noEndnote",
    "w:titlePg",
    "w:textDirection",
    "w:bidi",
    "w:rtlGutter",
    "w:docGrid",
    "w:printerSettings",
    "w:sectPrChange",
];

/// CT_TblPr (CT_TblPrBase, then tblPrChange).
const TBL_PR: &[&str] = &[
    "w:tblStyle",
    "w:tblpPr",
    "w:tblOverlap",
    "w:bidiVisual",
    "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize",
    "w:tblW",
    "w:jc",
    "w:tblCellSpacing",
    "w:tblInd",
    "w:tblBorders",
    "w:shd",
    "w:tblLayout",
    "w:tblCellMar",
    "w:tblLook",
    "w:tblCaption",
    "w:tblDescription",
    "w:tblPrChange",
];

/// CT_TcPr.
const TC_PR: &[&str] = &[
    "w:cnfStyle",
    "w:tcW",
    "w:gridSpan",
    "w:hMerge",
    "w:vMerge",
    "w:tcBorders",
    "w:shd",
    "w:noWrap",
    "w:tcMar",
    "w:textDirection",
    "w:tcFitText",
    "w:vAlign",
    "w:hideMark",
    "w:headers",
    "w:cellIns",
    "w:cellDel",
    "w:cellMerge",
    "w:tcPrChange",
];

/// CT_TrPr: the properties are a choice in any order; only the revision marks come last.
const TR_PR: &[&str] = &[
    "w:cnfStyle|w:divId|w:gridBefore|w:gridAfter|w:wBefore|w:wAfter|w:cantSplit|w:trHeight|w:tblHeader|w:tblCellSpacing|w:jc|w:hidden",
    "w:ins",
    "w:del",
    "w:trPrChange",
];

/// CT_Style.
const STYLE: &[&str] = &[
    "w:name",
    "w:aliases",
    "w:basedOn",
    "w:next",
    "w:link",
    "w:autoRedefine",
    "w:hidden",
    "w:uiPriority",
    "w:semiHidden",
    "w:unhideWhenUsed",
    "w:qFormat",
    "w:locked",
    "w:personal",
    "w:personalCompose",
    "w:personalReply",
    "w:rsid",
    "w:pPr",
    "w:rPr",
    "w:tblPr",
    "w:trPr",
    "w:tcPr",
    "w:tblStylePr",
];

/// CT_TblBorders.
const TBL_BORDERS: &[&str] = &[
    "w:top",
    "w:left|w:start",
    "w:bottom",
    "w:right|w:end",
    "w:insideH",
    "w:insideV",
];

/// CT_TcBorders.
const TC_BORDERS: &[&str] = &[
    "w:top",
    "w:left|w:start",
    "w:bottom",
    "w:right|w:end",
    "w:insideH",
    "w:insideV",
    "w:tl2br",
    "w:tr2bl",
];

/// CT_PBdr.
const P_BDR: &[&str] = &[
    "w:top",
    "w:left",
    "w:bottom",
    "w:right",
    "w:between",
    "w:bar",
];

/// CT_TblCellMar and CT_TcMar.
const CELL_MAR: &[&str] = &["w:top", "w:left|w:start", "w:bottom", "w:right|w:end"];

/// CT_Tbl: properties, grid, then the rows (and anything else that may stand between rows).
const TBL: &[&str] = &["w:tblPr", "w:tblGrid", "*"];
/// CT_Row.
const TR: &[&str] = &["w:tblPrEx", "w:trPr", "*"];
/// CT_Tc.
const TC: &[&str] = &["w:tcPr", "*"];
/// CT_P.
const P: &[&str] = &["w:pPr", "*"];
/// CT_R.
const R: &[&str] = &["w:rPr", "*"];
/// CT_DocDefaults.
const DOC_DEFAULTS: &[&str] = &["w:rPrDefault", "w:pPrDefault"];
/// CT_Styles.
const STYLES: &[&str] = &["w:docDefaults", "w:latentStyles", "w:style"];
/// CT_Body: the content, then the final section's properties.
const BODY: &[&str] = &["*", "w:sectPr"];
/// CT_Numbering.
const NUMBERING: &[&str] = &[
    "w:numPicBullet",
    "w:abstractNum",
    "w:num",
    "w:numIdMacAtCleanup",
];
/// CT_AbstractNum.
const ABSTRACT_NUM: &[&str] = &[
    "w:nsid",
    "w:multiLevelType",
    "w:tmpl",
    "w:name",
    "w:styleLink",
    "w:numStyleLink",
    "w:lvl",
];
/// CT_Lvl.
const LVL: &[&str] = &[
    "w:start",
    "w:numFmt",
    "w:lvlRestart",
    "w:pStyle",
    "w:isLgl",
    "w:suff",
    "w:lvlText",
    "w:lvlPicBulletId",
    "w:legacy",
    "w:lvlJc",
    "w:pPr",
    "w:rPr",
];

/// CT_Settings (the part of it a document may carry).
const SETTINGS: &[&str] = &[
    "w:writeProtection",
    "w:view",
    "w:zoom",
    "w:removePersonalInformation",
    "w:removeDateAndTime",
    "w:doNotDisplayPageBoundaries",
    "w:displayBackgroundShape",
    "w:printPostScriptOverText",
    "w:printFractionalCharacterWidth",
    "w:printFormsData",
    "w:embedTrueTypeFonts",
    "w:embedSystemFonts",
    "w:saveSubsetFonts",
    "w:saveFormsData",
    "w:mirrorMargins",
    "w:alignBordersAndEdges",
    "w:bordersDoNotSurroundHeader",
    "w:bordersDoNotSurroundFooter",
    "w:gutterAtTop",
    "w:hideSpellingErrors",
    "w:hideGrammaticalErrors",
    "w:activeWritingStyle",
    "w:proofState",
    "w:formsDesign",
    "w:attachedTemplate",
    "w:linkStyles",
    "w:stylePaneFormatFilter",
    "w:stylePaneSortMethod",
    "w:documentType",
    "w:mailMerge",
    "w:revisionView",
    "w:trackRevisions",
    "w:doNotTrackMoves",
    "w:doNotTrackFormatting",
    "w:documentProtection",
    "w:autoFormatOverride",
    "w:styleLockTheme",
    "w:styleLockQFSet",
    "w:defaultTabStop",
    "w:autoHyphenation",
    "w:consecutiveHyphenLimit",
    "w:hyphenationZone",
    "w:doNotHyphenateCaps",
    "w:showEnvelope",
    "w:summaryLength",
    "w:clickAndTypeStyle",
    "w:defaultTableStyle",
    "w:evenAndOddHeaders",
    "w:bookFoldRevPrinting",
    "w:bookFoldPrinting",
    "w:bookFoldPrintingSheets",
    "w:drawingGridHorizontalSpacing",
    "w:drawingGridVerticalSpacing",
    "w:displayHorizontalDrawingGridEvery",
    "w:displayVerticalDrawingGridEvery",
    "w:doNotUseMarginsForDrawingGridOrigin",
    "w:drawingGridHorizontalOrigin",
    "w:drawingGridVerticalOrigin",
    "w:doNotShadeFormData",
    "w:noPunctuationKerning",
    "w:characterSpacingControl",
    "w:printTwoOnOne",
    "w:strictFirstAndLastChars",
    "w:noLineBreaksAfter",
    "w:noLineBreaksBefore",
    "w:savePreviewPicture",
    "w:doNotValidateAgainstSchema",
    "w:saveInvalidXml",
    "w:ignoreMixedContent",
    "w:alwaysShowPlaceholderText",
    "w:doNotDemarcateInvalidXml",
    "w:saveXmlDataOnly",
    "w:useXSLTWhenSaving",
    "w:saveThroughXslt",
    "w:showXMLTags",
    "w:alwaysMergeEmptyNamespace",
    "w:updateFields",
    "w:hdrShapeDefaults",
    "w:footnotePr",
    "w:endnotePr",
    "w:compat",
    "w:docVars",
    "w:rsids",
    "m:mathPr",
    "w:attachedSchema",
    "w:themeFontLang",
    "w:clrSchemeMapping",
    "w:doNotIncludeSubdocsInStats",
    "w:doNotAutoCompressPictures",
    "w:forceUpgrade",
    "w:captions",
    "w:readModeInkLockDown",
    "w:smartTagType",
    "sl:schemaLibrary",
    "w:shapeDefaults",
    "w:doNotEmbedSmartTags",
    "w:decimalSymbol",
    "w:listSeparator",
];

/// Where `child` stands in the sequence of `container`: its index, or None when the sequence
/// does not name it. `*` stands for any element not named elsewhere in the sequence.
pub(crate) fn rank(seq: &[&str], child: &str) -> Option<usize> {
    let named = seq.iter().position(|s| s.split('|').any(|n| n == child));
    named.or_else(|| seq.iter().position(|s| *s == "*"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fonts_come_before_sizes_and_paragraph_properties_before_run_properties() {
        let r = sequence("w:rPr").unwrap();
        assert!(rank(r, "w:rFonts") < rank(r, "w:sz"));
        assert!(rank(r, "w:color") < rank(r, "w:spacing"));
        let s = sequence("w:style").unwrap();
        assert!(rank(s, "w:pPr") < rank(s, "w:rPr"));
        assert_eq!(rank(s, "w:unknown"), None);
        let b = sequence("w:body").unwrap();
        assert!(rank(b, "w:p") < rank(b, "w:sectPr"));
        let sect = sequence("w:sectPr").unwrap();
        assert_eq!(
            rank(sect, "w:footerReference"),
            rank(sect, "w:headerReference")
        );
    }
}
