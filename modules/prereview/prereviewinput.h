#pragma once

#include "core/domain/application.h"
#include "core/domain/authorization.h"
#include "core/domain/document.h"
#include "core/domain/financingproduct.h"
#include "matching/firmdata.h"
#include "prereview/financialstatement.h"

#include <QDate>
#include <QStringList>
#include <QVector>

#include <optional>

namespace XinDai::Prereview {

/// Everything the pre-review looks at, as plain values.
struct PrereviewInput
{
    Core::Application application;
    /// The firm (firm.enterprise) with its series and records, which the product's eligibility rule reads.
    Matching::FirmData firm;
    /// The chosen product; absent when the application names none (a completeness finding).
    std::optional<Core::FinancingProduct> product;
    /// The institution the application goes to (application.institutionId when empty).
    QString institutionId;
    /// All authorizations (授权书) of the firm, revoked and expired ones included.
    QVector<Core::Authorization> authorizations;
    /// Documents attached to the firm or to this application.
    QVector<Core::Document> documents;
    /// Required documents (names as in FinancingProduct::requiredDocuments) the firm will bring next visit.
    QStringList broughtNextVisit;
    /// Figures of the latest financial statements, when typed in.
    std::optional<FinancialStatement> statement;
    /// The day of the pre-review, taken as the submission day for the deadlines.
    QDate day;
};

} // namespace XinDai::Prereview
