#pragma once

#include "matching/language.h"

#include <QString>

namespace XinDai::Prereview {

/// One observation of the pre-review (资料预审) about an application.
/// Invariant: code, field and both messages are non-empty; a Block finding always has a fix.
struct Finding
{
    /// Ordered from the most to the least serious: results sort by this order.
    enum class Severity {
        Block, ///< the application cannot be submitted until this is fixed
        Warn,  ///< can be submitted, but the institution will ask about it (e.g. a document brought later)
        Info   ///< for the record only
    };

    QString code; ///< stable machine code "<rule set>.<what>", e.g. "completeness.document_missing"
    Severity severity = Severity::Block;
    QString
        field; ///< dotted name of the field at fault: "application.amount", "firm.uscc", "documents.营业执照"
    QString messageZh; ///< complete sentence in Simplified Chinese
    QString messageEn; ///< complete sentence in English (through tr())
    QString fixZh;     ///< how to fix it, Chinese; may be empty for Info
    QString fixEn;     ///< how to fix it, English; may be empty for Info

    QString message(Matching::Language language) const
    {
        return language == Matching::Language::Chinese ? messageZh : messageEn;
    }
    QString fix(Matching::Language language) const
    {
        return language == Matching::Language::Chinese ? fixZh : fixEn;
    }

    /// "block", "warn" or "info" (stable, for JSON and logs).
    static QString severityCode(Severity severity);
};

} // namespace XinDai::Prereview
