#pragma once

#include "matching/language.h"
#include "prereview/finding.h"

#include <QDate>
#include <QJsonObject>
#include <QStringList>
#include <QVector>

namespace XinDai::Prereview {

/// Outcome of a pre-review. Invariant: findings are sorted Block, Warn, Info (stable within a severity,
/// in rule order: completeness, validity, limits, eligibility); passed == no Block finding.
struct PrereviewResult
{
    QString applicationId;
    QString applicationNumber;
    QDate acceptanceDeadline; ///< submission day + 3 working days
    QDate resultDeadline;     ///< acceptance deadline + 10 working days
    bool passed = false;
    QVector<Finding> findings;
    /// Names of required documents that are missing or marked "bring next visit", in product order.
    QStringList documentsToBring;

    /// The findings with \a code, in order.
    QVector<Finding> withCode(const QString &code) const;
    int count(Finding::Severity severity) const;
    /// The "bring these next visit" slip (请下次来访时携带) as plain text lines: a heading with the
    /// application number and the outcome, the documents to bring, then each Block and Warn finding
    /// with its fix. Chinese or English, independent of the UI language.
    QStringList slip(Matching::Language language) const;
    /// {"application": id, "number": …, "passed": bool, "findings": [{"code", "severity", "field",
    /// "message", "fix"}…]} with messages in \a language.
    QJsonObject toJson(Matching::Language language) const;
};

} // namespace XinDai::Prereview
