#pragma once

#include "core/domain/document.h"
#include "matching/language.h"

#include <QString>

namespace XinDai::Prereview {

/// The document vocabulary: products list required documents by Chinese name (营业执照, 征信授权书 …)
/// while attached files carry a type code (business_licence, authorization …). This table links both.
class DocumentTypes
{
public:
    /// True when \a document satisfies the requirement \a required: its type code is \a required itself,
    /// or the code's Chinese names include \a required (financial_statement → 近两年财务报表 /
    /// 近一年财务报表).
    static bool satisfies(const Core::Document &document, const QString &required);
    /// The type code to store on a file attached for the requirement \a required (营业执照 →
    /// business_licence); \a required itself when it is already a code or has no code yet.
    static QString typeCode(const QString &required);
    /// Display name of a required document name or a type code: the Chinese name itself in Chinese,
    /// the English name when known (otherwise the Chinese name) in English.
    static QString displayName(const QString &nameOrCode, Matching::Language language);
};

} // namespace XinDai::Prereview
