#pragma once

#include <QString>
#include <QStringList>

namespace XinDai::Core {

/// GB/T 4754-2017 国民经济行业分类: the 20 sections (门类, letters A–T) and 97 divisions (大类, two digits
/// 01–97), read once from the embedded :/xindai/reference/industries-gb4754-2017.json. Names are Chinese
/// data, not translated.
///
/// Accepted code forms (case-insensitive, surrounding spaces ignored): a section "C"; a division "39" or
/// "C39" (the letter must be the division's own section); a finer code ("C391", "3911", "C3911") whose
/// first two digits name a known division — sectionOf() and divisionOf() work on it, but name() and
/// isKnown() do not, because groups and classes are not in the data.
class IndustryCodes
{
public:
    /// The section letter of a section, division or finer code ("39" → "C"); empty when unknown.
    static QString sectionOf(const QString &code);
    /// The division in canonical form ("39", "c3911" → "C39"); empty for a section or an unknown code.
    static QString divisionOf(const QString &code);
    /// The Chinese name of a section ("C" → "制造业") or division ("C39" or "39" →
    /// "计算机、通信和其他电子设备 制造业"); empty for anything else.
    static QString name(const QString &code);
    /// The 20 section letters "A" … "T" in order.
    static QStringList sections();
    /// The divisions of \a section in canonical form ("F" → {"F51", "F52"}); empty for an unknown section.
    static QStringList divisions(const QString &section);
    /// True for a known section or division (in any accepted form); false for finer codes and unknowns.
    static bool isKnown(const QString &code);
};

} // namespace XinDai::Core
