#pragma once

#include "core/domain/application.h"
#include "core/domain/creditrecord.h"
#include "core/domain/enterprise.h"
#include "core/domain/institution.h"
#include "core/domain/series.h"

#include <QDate>
#include <QDateTime>
#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace XinDai::Report {

/// Where a part of the report comes from.
enum class SourceKind {
    Registration,
    Tax,
    Social,
    Electricity,
    Bank,
    Procurement,
    Subsidy,
    Qualification,
    Judicial,
    Platform,
    Scoring,
    SourceKindCount
};

/// Everything one report shows: a snapshot of the store for one firm as of one day. Only rows dated on or
/// before asOf are included; series cover the 24 months before the as-of month.
struct ReportData
{
    /// One data source with the date its newest row refers to.
    struct Source
    {
        SourceKind kind = SourceKind::Registration;
        QDate asOf; ///< newest row's date (month start for monthly series); invalid when no rows
        int rows = 0;
    };
    /// The commercial score (Scoring::ModelRegistry::commercial(): shipped, or a newer synced version).
    struct Score
    {
        bool available = false;
        QString error;    ///< why not available
        double score = 0; ///< 300–900, rounded to an integer for display
        QString grade;    ///< AAA … C
        QString modelId;
        int modelVersion = 0;
        QString modelName;
        /// Factor label (data) and points lost against its best bin, largest first.
        QVector<QPair<QString, double>> reasons;
        /// Factor label and points the next better bin would add, largest first.
        QVector<QPair<QString, double>> improvements;
    };
    /// Comparison with the firm's previous report (ReportLog), filled by ReportGenerator.
    struct Changes
    {
        QString previousNumber; ///< empty: first report
        std::optional<double> previousScore;
        QString previousGrade;
        QHash<int, int>
            newRecords; ///< Core::CreditRecord::Kind as int → count of records not in the previous
        /// Core::MonthlyValue::Kind as int → (previous 12-month sum, current 12-month sum) where they differ.
        QHash<int, QPair<qint64, qint64>> seriesChanges;
    };

    QString number;        ///< XDR-YYYYMMDD-<8 hex>
    QDateTime generatedAt; ///< UTC
    QDate asOf;
    QString generatedBy; ///< user id or tool name
    Core::Enterprise enterprise;
    QString parkName;              ///< empty when outside any park
    Core::Institution institution; ///< the requesting institution
    QString purpose;
    QString authorizationId;
    QDate authorizationValidTo;

    QVector<Core::MonthlyValue> series;       ///< 24 months before asOf's month, ordered by kind then month
    QVector<Core::CreditRecord> records;      ///< dated ≤ asOf, newest first
    QVector<Core::Application> applications;  ///< the firm's, created ≤ asOf, newest first
    QHash<QString, QString> institutionNames; ///< Institution id → name, for the applications table
    Score score;
    QVector<Source> sources; ///< one per SourceKind, in enum order
    Changes changes;

    /// SHA-256 (hex) of canonicalJson(): the report's content hash, set by ReportGenerator.
    QString contentHash;

    /// Rows of \a kind, oldest month first.
    QVector<Core::MonthlyValue> seriesOf(Core::MonthlyValue::Kind kind) const;
    /// Records of \a kind, newest first.
    QVector<Core::CreditRecord> recordsOf(Core::CreditRecord::Kind kind) const;
    /// Sum of \a kind over the 12 months before asOf's month (the unit of the kind).
    qint64 last12Sum(Core::MonthlyValue::Kind kind) const;
    /// "XDR-…-<first 16 hex of contentHash>" (empty while contentHash is empty).
    QString verificationCode() const;
    /// Canonical JSON (sorted keys, compact) of every shown value except contentHash; what contentHash
    /// hashes.
    QByteArray canonicalJson() const;
    /// A new report number for \a day: "XDR-" + yyyyMMdd + "-" + 8 random lower-case hex digits.
    static QString newNumber(QDate day);
};

} // namespace XinDai::Report
