#pragma once

#include "common/workspacepage.h"
#include "core/domain/policy.h"
#include "matching/firmfacts.h"

#include <QDate>
#include <QString>
#include <QVector>

#include <functional>

class QComboBox;
class QDoubleSpinBox;
class QListWidget;
class QLabel;
class QPushButton;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class PolicyFirmModel;

/// 政策找企业: a policy picker (open policies first, with their window end) and the firms of the park
/// eligible for the chosen policy (Matching::PolicyMatcher::eligibleFirms), exportable as CSV
/// (Matching::PolicyMatcher::toCsv: UTF-8 with BOM, Chinese header, one line per firm).
class PolicyFirmsPage : public WorkspacePage
{
    Q_OBJECT

public:
    /// \a parkId: the park whose firms are searched; empty = every park (admin).
    PolicyFirmsPage(Store::Database &db, const QString &parkId, QWidget *parent = nullptr);

    /// Replaces the save dialog of "Export CSV…" (tests): returns the path to write, empty = cancel.
    void setSavePathProvider(std::function<QString(const QString &suggestedName)> provider);

    /// Chooses the policy with meta id \a policyId; false when it is not in the picker.
    bool setPolicy(const QString &policyId);
    /// Meta id of the chosen policy; empty when none.
    QString policyId() const;
    /// Writes the CSV of the current hits to \a path; false (and \a error set to a translated sentence)
    /// when no policy is chosen or the file cannot be written.
    bool exportCsv(const QString &path, QString *error);

    QComboBox *policyCombo() const { return m_policies; }
    PolicyFirmModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    QLabel *countLabel() const { return m_count; }
    QPushButton *exportButton() const { return m_export; }
    /// Firms of the park that miss the policy by exactly one condition (not a location one), each with
    /// that condition in words: "<firm> — <sentence>".
    QListWidget *nearMissList() const { return m_nearMisses; }
    /// What-if (假设分析): the policy's numeric thresholds, the new value, and the outcome.
    QComboBox *whatIfThresholdCombo() const { return m_whatIfThreshold; }
    QDoubleSpinBox *whatIfValueSpin() const { return m_whatIfValue; }
    QLabel *whatIfResultLabel() const { return m_whatIfResult; }
    /// Counts the park's firms eligible with the chosen threshold set to the spin box's value, shows
    /// the outcome (and the firms gained) in whatIfResultLabel(); false when no threshold is chosen.
    bool runWhatIf();
    /// The firms assessed (the park's, or every park's for an admin), as loaded on the last refresh.
    const QVector<Matching::FirmFacts> &firms() const { return m_firms; }

protected:
    void refresh() override;

private:
    void showPolicy(int comboIndex);
    void exportClicked();
    void showNearMisses(const Core::Policy &policy);
    void fillThresholds(const Core::Policy &policy);

    Store::Database &m_db;
    QString m_parkId;
    QVector<Core::Policy> m_policyList;
    QVector<Matching::FirmFacts> m_firms;
    std::function<QString(const QString &)> m_savePathProvider;
    QComboBox *m_policies = nullptr;
    QLabel *m_count = nullptr;
    QPushButton *m_export = nullptr;
    PolicyFirmModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QListWidget *m_nearMisses = nullptr;
    QComboBox *m_whatIfThreshold = nullptr;
    QDoubleSpinBox *m_whatIfValue = nullptr;
    QPushButton *m_whatIfRun = nullptr;
    QLabel *m_whatIfResult = nullptr;
};

} // namespace XinDai::Ui
