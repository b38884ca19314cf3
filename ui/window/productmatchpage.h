#pragma once

#include "common/workspacepage.h"

#include <QString>

class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTableView;

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

class FirmSearchWidget;
class ProductMatchModel;

/// 智能撮合: a firm picker (search scoped to the park), the financing need (amount in 万元, term in months,
/// purpose, collateral offered), the ranked products (rank 1 first, ineligible ones after) and, for the
/// selected product, the explanation of its position or its failing conditions.
class ProductMatchPage : public WorkspacePage
{
    Q_OBJECT

public:
    /// \a parkId restricts the firm search to one park; empty = every park (admin).
    ProductMatchPage(Store::Database &db, const QString &parkId, QWidget *parent = nullptr);

    /// Chooses the firm \a enterpriseId and ranks the products for the current need; false (and a message
    /// in the page) when the firm does not exist.
    bool setFirm(const QString &enterpriseId);
    QString firmId() const { return m_firmId; }
    /// Ranks the products for the chosen firm and the need in the inputs; false when no firm is chosen.
    bool runMatch();

    FirmSearchWidget *searchWidget() const { return m_search; }
    QSpinBox *amountSpin() const { return m_amount; }           ///< requested amount, 万元
    QSpinBox *termSpin() const { return m_term; }               ///< requested term, months
    QComboBox *collateralCombo() const { return m_collateral; } ///< item data: 信用/抵押/质押/保证 or empty
    QPushButton *matchButton() const { return m_matchButton; }
    ProductMatchModel *model() const { return m_model; }
    QTableView *tableView() const { return m_table; }
    /// Explanation of the selected row, as plain text.
    QPlainTextEdit *detailView() const { return m_detail; }

protected:
    void refresh() override;

private:
    void showDetail(int row);

    Store::Database &m_db;
    QString m_firmId;
    FirmSearchWidget *m_search = nullptr;
    QLabel *m_firmLabel = nullptr;
    QLabel *m_summary = nullptr;
    QSpinBox *m_amount = nullptr;
    QSpinBox *m_term = nullptr;
    QLineEdit *m_purpose = nullptr;
    QComboBox *m_collateral = nullptr;
    QPushButton *m_matchButton = nullptr;
    ProductMatchModel *m_model = nullptr;
    QTableView *m_table = nullptr;
    QPlainTextEdit *m_detail = nullptr;
};

} // namespace XinDai::Ui
