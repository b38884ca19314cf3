#pragma once

#include "core/domain/authorization.h"

#include <QCoreApplication>
#include <QDate>
#include <QString>
#include <QVector>

namespace XinDai::Report {

/// Decides whether a firm's authorizations (授权书) allow an institution to draw a report for a purpose
/// on a day, and if not, why. Pure value logic.
class AuthorizationCheck
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Report::AuthorizationCheck)
public:
    enum class Verdict {
        Permitted,
        NoAuthorization,       ///< the firm has no authorization at all
        NotYetValid,           ///< covering authorization starts after the day
        Expired,               ///< covering authorization ended before the day
        Revoked,               ///< covering authorization was revoked
        InstitutionNotCovered, ///< no authorization names the institution
        PurposeDiffers,        ///< authorizations name the institution, but for another purpose
    };
    struct Result
    {
        Verdict verdict = Verdict::NoAuthorization;
        QString authorizationId; ///< the permitting one, or the one the refusal is about
        QDate validTo;           ///< of that authorization
        QString message;         ///< translated sentence: empty when permitted
        bool permitted() const { return verdict == Verdict::Permitted; }
    };

    /// Purposes match when equal after trimming and ignoring case. Of several candidates the refusal
    /// names the most specific reason: a revoked, expired or not yet valid authorization for the same
    /// institution and purpose first (the latest-ending one), then a different purpose, then the
    /// institution. \a institutionName is only used in messages.
    static Result check(const QVector<Core::Authorization> &authorizations, const QString &institutionId,
                        const QString &institutionName, const QString &purpose, QDate day);
};

} // namespace XinDai::Report
