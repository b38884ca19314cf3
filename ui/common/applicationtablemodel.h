#pragma once

#include "core/domain/application.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QVector>

namespace XinDai::Store {
class Database;
}

namespace XinDai::Ui {

/// Financing applications with the names of their firm, product and institution.
class ApplicationTableModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NumberColumn,
        FirmColumn,
        ProductColumn,
        InstitutionColumn,
        AmountColumn,
        StateColumn,
        SubmittedColumn,
        AcceptedColumn,
        DecidedColumn,
        ColumnCount
    };
    enum Role {
        ApplicationIdRole = Qt::UserRole, ///< QString, Application.meta.id
        EnterpriseIdRole,                 ///< QString
        StateRole,                        ///< int(Core::Application::State)
        AmountFenRole,                    ///< qint64 fen, requested amount
    };
    Q_ENUM(Column)

    /// Display names by id; unknown ids show the id.
    struct Names
    {
        QHash<QString, QString> firms;
        QHash<QString, QString> products;
        QHash<QString, QString> institutions;
    };

    explicit ApplicationTableModel(QObject *parent = nullptr);

    void setApplications(const QVector<Core::Application> &applications, const Names &names);
    /// Looks the names of \a applications up in \a db (one query per distinct firm; products and
    /// institutions in one go each), then sets them.
    void setApplications(const QVector<Core::Application> &applications, Store::Database &db);
    const Core::Application &application(int row) const { return m_applications.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<Core::Application> m_applications;
    Names m_names;
};

} // namespace XinDai::Ui
