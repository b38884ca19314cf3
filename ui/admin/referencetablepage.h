#pragma once

#include "common/workspacepage.h"
#include "referencetablemodel.h"

class QTableView;

namespace XinDai::Ui {

/// An administrator's read-only table of one kind of reference data.
class ReferenceTablePage : public WorkspacePage
{
    Q_OBJECT

public:
    ReferenceTablePage(Store::Database &db, ReferenceTableModel::Kind kind, QWidget *parent = nullptr);

    ReferenceTableModel *model() const { return m_model; }

protected:
    void refresh() override;

private:
    Store::Database &m_db;
    ReferenceTableModel *m_model = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace XinDai::Ui
