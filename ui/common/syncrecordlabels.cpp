#include "syncrecordlabels.h"

#include "common/domainlabels.h"
#include "core/domain/series.h"
#include "core/money.h"
#include "store/database.h"
#include "store/enumcodes.h"
#include "sync/entitycatalog.h"

#include <QDate>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QSqlQuery>
#include <QStringList>

using namespace Qt::StringLiterals;

namespace XinDai::Ui {

namespace {

/// Integer columns that hold money in fen (docs/sync-protocol.md: money travels in fen).
bool isMoneyField(const QString &entity, const QString &field)
{
    static const QStringList money{u"amount"_s,         u"approved_amount"_s, u"registered_capital"_s,
                                   u"annual_revenue"_s, u"total_assets"_s,    u"min_amount"_s,
                                   u"max_amount"_s,     u"benefit_cap"_s};
    return money.contains(field) && entity != u"monthly_value"_s;
}

/// How one entity's rows are named: an SQL expression for the row's own label and whether the row
/// belongs to a firm (then the firm's name is shown too).
struct LabelSpec
{
    QString expression; ///< on the alias r; "" = only the firm's name
    bool firm = false;
};

LabelSpec labelSpec(const QString &entity)
{
    if (entity == u"enterprise"_s)
        return {u"r.name"_s, false};
    if (entity == u"application"_s)
        return {u"r.number"_s, true};
    if (entity == u"monthly_value"_s)
        return {u"r.kind || ' ' || substr(r.month, 1, 7)"_s, true};
    if (entity == u"credit_record"_s)
        return {u"r.title"_s, true};
    if (entity == u"authorization"_s)
        return {u"r.purpose"_s, true};
    if (entity == u"document"_s)
        return {u"r.file_name"_s, true};
    if (entity == u"policy"_s)
        return {u"r.title"_s, false};
    if (entity == u"app_user"_s)
        return {u"coalesce(nullif(r.display_name, ''), r.login)"_s, false};
    if (const Sync::EntitySpec *spec = Sync::EntityCatalog::find(entity); spec && spec->field(u"name"_s))
        return {u"r.name"_s, false};
    return {};
}

/// A series kind code shown translated ("tax_paid 2026-03" → "Tax paid 2026-03").
QString seriesLabel(const QString &text)
{
    const qsizetype space = text.indexOf(u' ');
    Core::MonthlyValue::Kind kind;
    if (space > 0 && Store::fromCode(QStringView(text).left(space), &kind))
        return DomainLabels::seriesKind(kind) + text.mid(space);
    return text;
}

} // namespace

QString SyncRecordLabels::entity(const QString &entity)
{
    static const QMap<QString, const char *> names{
        {u"park"_s, QT_TR_NOOP("Park")},
        {u"institution"_s, QT_TR_NOOP("Institution")},
        {u"product"_s, QT_TR_NOOP("Financing product")},
        {u"policy"_s, QT_TR_NOOP("Policy")},
        {u"reference_doc"_s, QT_TR_NOOP("Reference document")},
        {u"enterprise"_s, QT_TR_NOOP("Firm")},
        {u"monthly_value"_s, QT_TR_NOOP("Monthly value")},
        {u"credit_record"_s, QT_TR_NOOP("Credit record")},
        {u"app_user"_s, QT_TR_NOOP("User")},
        {u"authorization"_s, QT_TR_NOOP("Authorization")},
        {u"application"_s, QT_TR_NOOP("Application")},
        {u"document"_s, QT_TR_NOOP("Document")},
    };
    const auto it = names.constFind(entity);
    return it == names.cend() ? entity : tr(it.value());
}

QString SyncRecordLabels::field(const QString &entity, const QString &field)
{
    // Labels that depend on the entity first, then the ones shared by every entity.
    if (entity == u"enterprise"_s) {
        if (field == u"name"_s)
            return tr("Registered name");
        if (field == u"kind"_s)
            return tr("Entity type");
    }
    if (entity == u"application"_s) {
        if (field == u"amount"_s)
            return tr("Requested amount");
        if (field == u"purpose"_s)
            return tr("Purpose of the loan");
    }
    if (entity == u"monthly_value"_s && field == u"kind"_s)
        return tr("Series");
    if (entity == u"credit_record"_s && field == u"kind"_s)
        return tr("Record type");
    static const QMap<QString, const char *> shared{
        {u"uscc"_s, QT_TR_NOOP("Unified social credit code")},
        {u"name"_s, QT_TR_NOOP("Name")},
        {u"legal_rep"_s, QT_TR_NOOP("Legal representative")},
        {u"legal_rep_id"_s, QT_TR_NOOP("ID number of the legal representative")},
        {u"established"_s, QT_TR_NOOP("Established")},
        {u"registered_capital"_s, QT_TR_NOOP("Registered capital")},
        {u"industry_code"_s, QT_TR_NOOP("Industry")},
        {u"region_code"_s, QT_TR_NOOP("Region")},
        {u"park_id"_s, QT_TR_NOOP("Park")},
        {u"employees"_s, QT_TR_NOOP("Employees")},
        {u"annual_revenue"_s, QT_TR_NOOP("Annual revenue")},
        {u"total_assets"_s, QT_TR_NOOP("Total assets")},
        {u"address"_s, QT_TR_NOOP("Address")},
        {u"phone"_s, QT_TR_NOOP("Phone")},
        {u"number"_s, QT_TR_NOOP("Application number")},
        {u"enterprise_id"_s, QT_TR_NOOP("Firm")},
        {u"product_id"_s, QT_TR_NOOP("Product")},
        {u"institution_id"_s, QT_TR_NOOP("Institution")},
        {u"amount"_s, QT_TR_NOOP("Amount")},
        {u"term_months"_s, QT_TR_NOOP("Term (months)")},
        {u"purpose"_s, QT_TR_NOOP("Purpose")},
        {u"collateral"_s, QT_TR_NOOP("Collateral")},
        {u"state"_s, QT_TR_NOOP("State")},
        {u"created_at"_s, QT_TR_NOOP("Created at")},
        {u"submitted_at"_s, QT_TR_NOOP("Submitted at")},
        {u"accepted_at"_s, QT_TR_NOOP("Accepted at")},
        {u"decided_at"_s, QT_TR_NOOP("Decided at")},
        {u"disbursed_at"_s, QT_TR_NOOP("Disbursed at")},
        {u"settled_at"_s, QT_TR_NOOP("Settled at")},
        {u"approved_amount"_s, QT_TR_NOOP("Approved amount")},
        {u"approved_rate_bp"_s, QT_TR_NOOP("Approved rate")},
        {u"approved_term_months"_s, QT_TR_NOOP("Approved term (months)")},
        {u"reject_reason"_s, QT_TR_NOOP("Reason for rejection")},
        {u"created_by"_s, QT_TR_NOOP("Created by")},
        {u"month"_s, QT_TR_NOOP("Month")},
        {u"value"_s, QT_TR_NOOP("Value")},
        {u"date"_s, QT_TR_NOOP("Date")},
        {u"valid_from"_s, QT_TR_NOOP("Valid from")},
        {u"valid_to"_s, QT_TR_NOOP("Valid until")},
        {u"title"_s, QT_TR_NOOP("Title")},
        {u"authority"_s, QT_TR_NOOP("Authority")},
        {u"detail"_s, QT_TR_NOOP("Details")},
        {u"institution_ids"_s, QT_TR_NOOP("Institutions")},
        {u"revoked"_s, QT_TR_NOOP("Revoked")},
        {u"revoked_at"_s, QT_TR_NOOP("Revoked at")},
        {u"doc_type"_s, QT_TR_NOOP("Document type")},
        {u"file_name"_s, QT_TR_NOOP("File name")},
        {u"display_name"_s, QT_TR_NOOP("Display name")},
        {u"role"_s, QT_TR_NOOP("Role")},
        {u"disabled"_s, QT_TR_NOOP("Disabled")},
    };
    const auto it = shared.constFind(field);
    return it == shared.cend() ? field : tr(it.value());
}

QString SyncRecordLabels::value(const QString &entity, const QString &field, const QJsonValue &value)
{
    if (value.isUndefined())
        return tr("(removed)");
    if (value.isNull())
        return u"—"_s;
    if (value.isBool())
        return value.toBool() ? tr("Yes") : tr("No");
    if (value.isDouble()) {
        const qint64 number = qint64(value.toDouble());
        if (isMoneyField(entity, field))
            return DomainLabels::money(Core::Money::fromFen(number));
        if (field == u"approved_rate_bp"_s)
            return DomainLabels::rateBp(int(number));
        return QString::number(number);
    }
    if (value.isString()) {
        const QString text = value.toString();
        if (field == u"state"_s) {
            Core::Application::State state;
            if (Store::fromCode(text, &state))
                return DomainLabels::applicationState(state);
        }
        if (field == u"role"_s) {
            Core::Role role;
            if (Store::fromCode(text, &role))
                return DomainLabels::role(role);
        }
        if (field.endsWith(u"_at"_s)) {
            const QDateTime at = QDateTime::fromString(text, Qt::ISODateWithMs);
            if (at.isValid())
                return DomainLabels::dateTime(at);
        }
        return text;
    }
    // Arrays and objects (JSON columns): their compact text.
    return toStored(value);
}

QJsonValue SyncRecordLabels::parseStored(const QVariant &stored)
{
    if (stored.isNull() || !stored.isValid())
        return QJsonValue(QJsonValue::Undefined);
    const QString text = stored.toString();
    QJsonParseError error;
    // QJsonDocument reads only arrays and objects: wrap the value in an array.
    const QJsonDocument document
        = QJsonDocument::fromJson(QByteArray("[") + text.toUtf8() + QByteArray("]"), &error);
    if (error.error == QJsonParseError::NoError && document.array().size() == 1)
        return document.array().first();
    return QJsonValue(text); // plain text of an older row
}

QString SyncRecordLabels::toStored(const QJsonValue &value)
{
    const QByteArray wrapped = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
    return QString::fromUtf8(wrapped.mid(1, wrapped.size() - 2));
}

QString SyncRecordLabels::labelKey(const QString &entity, const QString &rowId)
{
    return entity + u'/' + rowId;
}

QHash<QString, QString> SyncRecordLabels::recordLabels(Store::Database &db, const QList<Key> &keys)
{
    QMap<QString, QStringList> idsByEntity;
    for (const Key &key : keys) {
        if (!idsByEntity[key.entity].contains(key.rowId))
            idsByEntity[key.entity].append(key.rowId);
    }
    QHash<QString, QString> labels;
    for (auto it = idsByEntity.cbegin(); it != idsByEntity.cend(); ++it) {
        const QString &entityName = it.key();
        for (const QString &id : it.value())
            labels.insert(labelKey(entityName, id), id);
        const LabelSpec spec = labelSpec(entityName);
        // Only catalog entities reach the SQL text: their names are the store's table names. (A
        // monthly_value id is not indexed: its labels cost one scan of that table per load.)
        if (!Sync::EntityCatalog::find(entityName) || (spec.expression.isEmpty() && !spec.firm))
            continue;
        QStringList marks;
        for (qsizetype i = 0; i < it.value().size(); ++i)
            marks.append(u"?"_s);
        const QString sql
            = u"SELECT r.id, "_s + (spec.expression.isEmpty() ? u"''"_s : spec.expression)
              + (spec.firm ? u", e.name FROM \"%1\" r LEFT JOIN enterprise e ON e.id = r.enterprise_id"_s
                           : u", '' FROM \"%1\" r"_s)
                    .arg(entityName)
              + u" WHERE r.id IN ("_s + marks.join(u", "_s) + u")"_s;
        QSqlQuery query(db.sql());
        query.setForwardOnly(true);
        if (!query.prepare(sql))
            continue;
        for (const QString &id : it.value())
            query.addBindValue(id);
        if (!query.exec())
            continue;
        while (query.next()) {
            QString own = query.value(1).toString();
            if (entityName == u"monthly_value"_s)
                own = seriesLabel(own);
            const QString firm = query.value(2).toString();
            QString label = own;
            if (!firm.isEmpty())
                label = own.isEmpty() ? firm : tr("%1 · %2").arg(own, firm);
            if (!label.isEmpty())
                labels.insert(labelKey(entityName, query.value(0).toString()), label);
        }
    }
    return labels;
}

} // namespace XinDai::Ui
