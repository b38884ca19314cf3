#pragma once

#include "core/domain/application.h"
#include "core/domain/creditrecord.h"
#include "core/domain/institution.h"
#include "core/domain/policy.h"
#include "core/domain/series.h"
#include "core/domain/user.h"
#include "core/money.h"
#include "matching/language.h"

#include <QCoreApplication>
#include <QDate>
#include <QDateTime>
#include <QList>
#include <QString>

namespace XinDai::Ui {

/// Translated display names of domain enumerations, shared by every workspace.
class DomainLabels
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::Ui::DomainLabels)

public:
    static QString applicationState(Core::Application::State state);
    static QList<Core::Application::State> applicationStates(); ///< in state-machine order
    static QString role(Core::Role role);
    static QString seriesKind(Core::MonthlyValue::Kind kind);
    static QString seriesUnit(Core::MonthlyValue::Kind kind); ///< e.g. "yuan", "persons", "kWh"
    static bool seriesIsMoney(Core::MonthlyValue::Kind kind); ///< true when the values are fen
    static QList<Core::MonthlyValue::Kind> seriesKinds();     ///< the six series, in display order
    /// A series value for display: fen kinds in yuan with 2 decimals, counts as integers.
    static QString seriesValue(Core::MonthlyValue::Kind kind, qint64 value);
    static QString recordKind(Core::CreditRecord::Kind kind);
    static QString institutionType(Core::Institution::Type type);
    static QString policyType(Core::Policy::Type type);
    static QString money(Core::Money amount);           ///< automatic unit (元/万元/亿元)
    static QString date(QDate date);                    ///< ISO date, "—" when invalid
    static QString dateTime(const QDateTime &dateTime); ///< local "yyyy-MM-dd HH:mm", "—" when invalid
    static QString rateBp(int basisPoints);             ///< "4.35%"
    /// The language of rule explanations that matches the UI language (Chinese, else English).
    static Matching::Language explanationLanguage();
};

} // namespace XinDai::Ui
