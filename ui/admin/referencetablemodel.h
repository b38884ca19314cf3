#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Read-only tables of the administrator's reference data: users, institutions, products, policies.
/// Each row is formatted once when loaded; the row's id is available through IdRole.
class ReferenceTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class Kind { Users, Institutions, Products, Policies };
    /// BrokenRole: true on a product or policy whose stored rule does not compile (its "Rule" cell says
    /// so, in red, with the compiler's message as tooltip); matching reports such an item as broken.
    enum Role { IdRole = Qt::UserRole, BrokenRole };

    explicit ReferenceTableModel(Kind kind, QObject *parent = nullptr);

    Kind kind() const { return m_kind; }
    /// Reads the rows of kind() from \a db.
    void load(Store::Database &db);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        QString id;
        QStringList cells;
        QString ruleError; ///< non-empty when a rule of the row does not compile
    };

    Kind m_kind;
    QStringList m_headers;
    QVector<Row> m_rows;
};

} // namespace XinDai::Ui
