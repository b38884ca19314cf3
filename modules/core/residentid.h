#pragma once

#include "core/idcheckresult.h"

#include <QChar>
#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QStringView>

namespace XinDai::Core {

/// 公民身份号码 (resident identity card number), GB 11643-1999: 6-digit GB/T 2260 region of first
/// registration, 8-digit birth date YYYYMMDD, 3-digit sequence (odd = male), ISO 7064 MOD 11-2 check digit.
class ResidentId
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Core::ResidentId)
public:
    /// Upper-cases \a id and removes whitespace and hyphens anywhere in it; valid iff the result has
    /// 18 characters, 17 digits then a digit or 'X', a real birth date not after \a today, and a matching
    /// check digit. An unknown region code is a warning only.
    static IdCheckResult check(const QString &id, QDate today = QDate::currentDate());

    /// ISO 7064 MOD 11-2 check character: '0'..'9' or 'X'; a null QChar if \a first17 is not 17 digits.
    static QChar checkDigit(QStringView first17);

    /// Birth date encoded in positions 7-14 (after normalising as in check()); invalid QDate if it is
    /// not a real date or the id is too short.
    static QDate birthDate(const QString &id);

    /// True when the sequence number (position 17) is odd. False for a too-short id.
    static bool isMale(const QString &id);

    /// "430104********123X" style: the 6-digit region, 8 stars, the last 4 characters. Input is normalised
    /// as in check();
    /// a string shorter than 10 characters is fully starred.
    static QString masked(const QString &id);
};

} // namespace XinDai::Core
