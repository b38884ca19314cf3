#pragma once

#include "core/domain/series.h"

#include <QDate>
#include <QString>

#include <optional>

namespace XinDai::Intake {

/// How import files spell headers, dates and series names (docs/import-formats.md), shared by the
/// desktop's CSV import and xindai-server's import command so that both read a file the same way.
class CellFormats
{
public:
    /// A header reduced for matching: spaces, BOM, "_" and "-" dropped, full-width parentheses made
    /// ASCII, lower case ("注册资本（万元）" → "注册资本(万元)", "Legal_Rep" → "legalrep").
    static QString normalizeHeader(const QString &text);

    /// A date written yyyy-MM-dd, yyyy-M-d, yyyy/M/d or yyyyMMdd; invalid for anything else.
    static QDate parseDate(const QString &text);

    struct SeriesKind
    {
        Core::MonthlyValue::Kind kind;
        const char *code; ///< the store's code, e.g. "tax_paid" (a literal: static lifetime)
        bool money;       ///< values are amounts in 元 (converted to fen), else counts (persons, kWh)
    };
    /// The series named \a name (English code or Chinese name, e.g. "tax_paid" / "纳税额"; compared in
    /// lower case); nullopt for an unknown name.
    static std::optional<SeriesKind> seriesKind(const QString &name);
};

} // namespace XinDai::Intake
