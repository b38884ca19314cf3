#pragma once

#include "report/reportdata.h"
#include "report/reportlabels.h"

#include <QByteArray>
#include <QString>

namespace XinDai::Report {

/// Renders a ReportData: as HTML (for a screen viewer) or as an unsigned PDF (QPdfWriter, A4).
/// PDF: header (title, report number) and footer (verification code, "page x / y") on every page,
/// diagonal watermark "仅供 <机构> <用途> 使用", tables, and vector bar charts (bank flows, tax paid).
class ReportRenderer
{
public:
    struct Options
    {
        ReportLanguage language = ReportLanguage::Chinese;
        /// A CJK font whose glyphs map back to the right code points in the PDF text layer (Noto Sans CJK
        /// does not in Qt 6.4: see docs/report.md).
        QString fontFamily = QStringLiteral("WenQuanYi Micro Hei");
        int resolution = 300;     ///< dots per inch of the PDF paint device
        double fontPointSize = 9; ///< body text, points
    };

    /// The report body as Qt rich-text HTML; charts appear as placeholders "§chart:N§".
    static QString html(const ReportData &data, ReportLanguage language);
    /// The unsigned PDF. \a pageCount (optional) receives the number of pages.
    static QByteArray renderPdf(const ReportData &data, const Options &options, int *pageCount = nullptr);
    static QByteArray renderPdf(const ReportData &data) { return renderPdf(data, Options()); }
};

} // namespace XinDai::Report
