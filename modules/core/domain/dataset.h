#pragma once

#include "core/domain/application.h"
#include "core/domain/authorization.h"
#include "core/domain/creditrecord.h"
#include "core/domain/document.h"
#include "core/domain/enterprise.h"
#include "core/domain/financingproduct.h"
#include "core/domain/institution.h"
#include "core/domain/park.h"
#include "core/domain/policy.h"
#include "core/domain/series.h"
#include "core/domain/user.h"

#include <QVector>

namespace XinDai::Core {

/// Everything a store holds, as plain values: what the demo generator produces and bulk load consumes.
struct Dataset
{
    QVector<Park> parks;
    QVector<Institution> institutions;
    QVector<FinancingProduct> products;
    QVector<Policy> policies;
    QVector<Enterprise> enterprises;
    QVector<MonthlyValue> series;
    QVector<CreditRecord> records;
    QVector<Authorization> authorizations;
    QVector<Application> applications;
    QVector<Document> documents;
    QVector<User> users;
};

} // namespace XinDai::Core
