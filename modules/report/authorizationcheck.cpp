#include "report/authorizationcheck.h"

namespace XinDai::Report {

namespace {

bool samePurpose(const QString &a, const QString &b)
{
    return a.trimmed().compare(b.trimmed(), Qt::CaseInsensitive) == 0;
}

} // namespace

AuthorizationCheck::Result AuthorizationCheck::check(const QVector<Core::Authorization> &authorizations,
                                                     const QString &institutionId,
                                                     const QString &institutionName, const QString &purpose,
                                                     QDate day)
{
    Result result;
    const QString who = institutionName.isEmpty() ? institutionId : institutionName;
    QVector<Core::Authorization> live;
    for (const Core::Authorization &a : authorizations) {
        if (!a.meta.deleted)
            live.append(a);
    }
    if (live.isEmpty()) {
        result.verdict = Verdict::NoAuthorization;
        result.message
            = tr("No report: the enterprise has not given any authorization to query its credit data.");
        return result;
    }
    const Core::Authorization *candidate = nullptr; // same institution and purpose, but not valid on day
    bool institutionCovered = false;
    QStringList otherPurposes;
    for (const Core::Authorization &a : live) {
        if (!a.institutionIds.contains(institutionId))
            continue;
        institutionCovered = true;
        if (!samePurpose(a.purpose, purpose)) {
            if (!otherPurposes.contains(a.purpose))
                otherPurposes.append(a.purpose);
            continue;
        }
        if (a.permits(institutionId, day)) {
            result.verdict = Verdict::Permitted;
            result.authorizationId = a.meta.id;
            result.validTo = a.validTo;
            return result;
        }
        if (!candidate || a.validTo > candidate->validTo)
            candidate = &a;
    }
    if (candidate) {
        result.authorizationId = candidate->meta.id;
        result.validTo = candidate->validTo;
        if (candidate->revoked) {
            result.verdict = Verdict::Revoked;
            const QDate on = candidate->revokedAt.isValid() ? candidate->revokedAt.toUTC().date() : QDate();
            result.message
                = tr("No report: the authorization for %1 to use the data for \"%2\" was revoked on %3.")
                      .arg(who, purpose, on.toString(Qt::ISODate));
        } else if (candidate->validFrom.isValid() && day < candidate->validFrom) {
            result.verdict = Verdict::NotYetValid;
            result.message
                = tr("No report: the authorization for %1 to use the data for \"%2\" is valid only "
                     "from %3.")
                      .arg(who, purpose, candidate->validFrom.toString(Qt::ISODate));
        } else {
            result.verdict = Verdict::Expired;
            result.message
                = tr("No report: the authorization for %1 to use the data for \"%2\" expired on %3.")
                      .arg(who, purpose, candidate->validTo.toString(Qt::ISODate));
        }
        return result;
    }
    if (institutionCovered) {
        result.verdict = Verdict::PurposeDiffers;
        result.message = tr("No report: the enterprise authorized %1 only for \"%2\", not for \"%3\".")
                             .arg(who, otherPurposes.join(QStringLiteral("\", \"")), purpose);
        return result;
    }
    result.verdict = Verdict::InstitutionNotCovered;
    result.message
        = tr("No report: none of the enterprise's authorizations covers the institution %1.").arg(who);
    return result;
}

} // namespace XinDai::Report
