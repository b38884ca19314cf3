#pragma once

#include "core/domain/application.h"
#include "core/domain/authorization.h"
#include "core/domain/document.h"
#include "core/domain/enterprise.h"
#include "matching/financingneed.h"

#include <QHash>
#include <QStringList>
#include <QVector>

#include <optional>

namespace XinDai::Ui {

/// What the walk-in wizard has gathered so far, shared by its pages. The firm and the authorization
/// are saved when their steps are left; documents and applications when the applications are submitted.
struct WalkInSession
{
    Core::Enterprise firm;       ///< saved; meta.id is set once the first step is done
    bool firmRegistered = false; ///< registered during this visit (not found)
    /// All authorizations of the firm (for the credit-data checks), including one recorded in this visit.
    QVector<Core::Authorization> authorizations;
    /// The authorization recorded or reused in this visit; empty when the firm brings none.
    std::optional<Core::Authorization> authorization;
    Matching::FinancingNeed need; ///< amount in fen, term in months
    QString productId;            ///< the product the documents checklist was drawn from
    /// Files attached in the documents step by required-document name, not saved yet.
    QHash<QString, Core::Document> attached;
    QStringList bringNextVisit;           ///< required-document names the firm will bring next visit
    QStringList chosenProductIds;         ///< products to apply for, chosen in the matching step
    QVector<Core::Application> submitted; ///< saved applications, one per chosen product
};

} // namespace XinDai::Ui
