#include "sync/entitycatalog.h"

#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"
#include "sync/wiretext_p.h"

#include <QDate>
#include <QDateTime>
#include <QJsonDocument>
#include <QTimeZone>
#include <QVariant>

#include <algorithm>
#include <cmath>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

namespace {

using T = FieldSpec::Type;
using S = EntitySpec::Scope;

constexpr double MaxExactInteger = 9007199254740992.0; // 2^53

FieldSpec text(const QString &name, int maxLength = 0, bool required = false)
{
    FieldSpec f;
    f.name = name;
    f.type = T::Text;
    f.maxLength = maxLength;
    f.required = required;
    return f;
}

FieldSpec oneOf(const QString &name, const QStringList &allowed, bool required = true)
{
    FieldSpec f = text(name, 0, required);
    f.allowed = allowed;
    return f;
}

FieldSpec integer(const QString &name, qint64 minimum = 0)
{
    FieldSpec f;
    f.name = name;
    f.type = T::Integer;
    f.minimum = minimum;
    return f;
}

FieldSpec boolean(const QString &name)
{
    FieldSpec f;
    f.name = name;
    f.type = T::Bool;
    return f;
}

FieldSpec date(const QString &name, bool nullable = true, bool required = false)
{
    FieldSpec f;
    f.name = name;
    f.type = T::Date;
    f.nullable = nullable;
    f.required = required;
    return f;
}

FieldSpec dateTime(const QString &name)
{
    FieldSpec f;
    f.name = name;
    f.type = T::DateTime;
    f.nullable = true;
    return f;
}

FieldSpec json(const QString &name)
{
    FieldSpec f;
    f.name = name;
    f.type = T::Json;
    return f;
}

FieldSpec ref(const QString &name, const QString &entity, bool required)
{
    FieldSpec f;
    f.name = name;
    f.type = T::Id;
    f.references = entity;
    f.nullable = !required;
    f.required = required;
    return f;
}

QList<EntitySpec> buildCatalog()
{
    const QStringList admin{u"admin"_s};
    const QStringList staff{u"window_staff"_s, u"park_manager"_s, u"admin"_s};
    const QStringList everyone{u"window_staff"_s, u"park_manager"_s, u"bank_officer"_s, u"admin"_s};

    QList<EntitySpec> all;
    all.append(
        {u"park"_s,
         S::Reference,
         {text(u"code"_s, 64), text(u"name"_s, 200, true), text(u"region_code"_s, 12), text(u"level"_s, 64)},
         {},
         admin});
    all.append({u"institution"_s,
                S::Reference,
                {text(u"code"_s, 64), text(u"name"_s, 200, true),
                 oneOf(u"type"_s, {u"bank"_s, u"insurer"_s, u"guarantor"_s, u"leasing"_s, u"factoring"_s,
                                   u"microcredit"_s, u"equity_investor"_s}),
                 text(u"region_code"_s, 12)},
                {},
                admin});
    all.append({u"product"_s,
                S::Reference,
                {ref(u"institution_id"_s, u"institution"_s, true), text(u"code"_s, 64),
                 text(u"name"_s, 200, true), text(u"collateral"_s, 64), integer(u"min_amount"_s),
                 integer(u"max_amount"_s), integer(u"min_term_months"_s), integer(u"max_term_months"_s),
                 integer(u"rate_min_bp"_s), integer(u"rate_max_bp"_s), integer(u"fee_bp"_s), json(u"zones"_s),
                 json(u"eligibility_rule"_s), json(u"required_documents"_s), boolean(u"platform_exclusive"_s),
                 integer(u"approval_rate_permille"_s), integer(u"avg_days_to_decision"_s),
                 integer(u"service_rating_permille"_s), text(u"description"_s, 4000)},
                {},
                admin});
    all.append(
        {u"policy"_s,
         S::Reference,
         {text(u"code"_s, 64), text(u"title"_s, 200, true),
          oneOf(u"type"_s, {u"interest_subsidy"_s, u"risk_compensation"_s, u"guarantee_fee_subsidy"_s,
                            u"first_loan"_s, u"qualification_award"_s}),
          text(u"authority"_s, 200), text(u"region_code"_s, 12), json(u"eligibility_rule"_s),
          json(u"benefit_rule"_s), integer(u"benefit_cap"_s), date(u"window_start"_s), date(u"window_end"_s),
          json(u"required_materials"_s), text(u"summary"_s, 4000), integer(u"rule_version"_s, 1)},
         {},
         admin});
    all.append({u"reference_doc"_s,
                S::Reference,
                {oneOf(u"kind"_s, {u"holiday_calendar"_s, u"scoring_model"_s}), text(u"name"_s, 200, true),
                 json(u"content"_s)},
                {},
                admin});
    all.append({u"enterprise"_s,
                S::Firm,
                {text(u"uscc"_s, 18, true), text(u"name"_s, 200, true),
                 oneOf(u"kind"_s, {u"company"_s, u"individual_business"_s}), text(u"legal_rep"_s, 100),
                 text(u"legal_rep_id"_s, 18), date(u"established"_s), integer(u"registered_capital"_s),
                 text(u"industry_code"_s, 8), text(u"region_code"_s, 12), ref(u"park_id"_s, u"park"_s, false),
                 integer(u"employees"_s), integer(u"annual_revenue"_s), integer(u"total_assets"_s),
                 text(u"address"_s, 400), text(u"phone"_s, 40)},
                {},
                staff});
    all.append({u"monthly_value"_s,
                S::FirmRecord,
                {ref(u"enterprise_id"_s, u"enterprise"_s, true),
                 oneOf(u"kind"_s, {u"tax_paid"_s, u"social_insurance_headcount"_s, u"housing_fund"_s,
                                   u"electricity"_s, u"bank_inflow"_s, u"bank_outflow"_s}),
                 date(u"month"_s, false, true), integer(u"value"_s)},
                {u"enterprise_id"_s, u"kind"_s, u"month"_s},
                staff});
    all.append(
        {u"credit_record"_s,
         S::FirmRecord,
         {ref(u"enterprise_id"_s, u"enterprise"_s, true),
          oneOf(u"kind"_s, {u"tax_grade"_s, u"penalty"_s, u"dishonest_debtor"_s, u"procurement"_s,
                            u"public_resource_contract"_s, u"subsidy"_s, u"qualification"_s, u"patent"_s}),
          date(u"date"_s, false, true), date(u"valid_to"_s), text(u"title"_s, 400), text(u"authority"_s, 200),
          integer(u"amount"_s), text(u"detail"_s, 4000)},
         {},
         admin});
    FieldSpec passwordHash = text(u"password_hash"_s);
    passwordHash.serverOnly = true;
    all.append({u"app_user"_s,
                S::User,
                {text(u"login"_s, 64, true), text(u"display_name"_s, 100),
                 oneOf(u"role"_s, {u"window_staff"_s, u"park_manager"_s, u"bank_officer"_s, u"admin"_s}),
                 ref(u"park_id"_s, u"park"_s, false), ref(u"institution_id"_s, u"institution"_s, false),
                 passwordHash, boolean(u"disabled"_s)},
                {},
                admin});
    all.append(
        {u"authorization"_s,
         S::FirmRecord,
         {ref(u"enterprise_id"_s, u"enterprise"_s, true), json(u"institution_ids"_s), text(u"purpose"_s, 200),
          date(u"valid_from"_s), date(u"valid_to"_s), boolean(u"revoked"_s), dateTime(u"revoked_at"_s),
          text(u"scan_sha256"_s, 64), ref(u"recorded_by"_s, u"app_user"_s, false)},
         {},
         staff});
    all.append({u"application"_s,
                S::Application,
                {text(u"number"_s, 32),
                 ref(u"enterprise_id"_s, u"enterprise"_s, true),
                 ref(u"product_id"_s, u"product"_s, false),
                 ref(u"institution_id"_s, u"institution"_s, false),
                 ref(u"park_id"_s, u"park"_s, false),
                 integer(u"amount"_s),
                 integer(u"term_months"_s),
                 text(u"purpose"_s, 400),
                 text(u"collateral"_s, 64),
                 oneOf(u"state"_s, {u"draft"_s, u"submitted"_s, u"accepted"_s, u"approved"_s, u"rejected"_s,
                                    u"disbursed"_s, u"settled"_s, u"withdrawn"_s}),
                 dateTime(u"created_at"_s),
                 dateTime(u"submitted_at"_s),
                 dateTime(u"accepted_at"_s),
                 dateTime(u"decided_at"_s),
                 dateTime(u"disbursed_at"_s),
                 dateTime(u"settled_at"_s),
                 integer(u"approved_amount"_s),
                 integer(u"approved_rate_bp"_s),
                 integer(u"approved_term_months"_s),
                 text(u"reject_reason"_s, 1000),
                 ref(u"created_by"_s, u"app_user"_s, false)},
                {},
                everyone});
    all.append(
        {u"document"_s,
         S::FirmRecord,
         {ref(u"enterprise_id"_s, u"enterprise"_s, true), ref(u"application_id"_s, u"application"_s, false),
          text(u"doc_type"_s, 64), text(u"file_name"_s, 255), text(u"mime_type"_s, 100),
          integer(u"size_bytes"_s), text(u"sha256"_s, 64), dateTime(u"added_at"_s)},
         {},
         staff});
    return all;
}

bool isDateTime(const QString &s)
{
    static const QStringList formats{u"yyyy-MM-ddTHH:mm:ss.zzzZ"_s, u"yyyy-MM-ddTHH:mm:ssZ"_s};
    for (const QString &format : formats) {
        if (QDateTime::fromString(s, format).isValid())
            return true;
    }
    return false;
}

bool isDate(QByteArrayView s)
{
    if (s.size() == 10 && Internal::isPlainDate(s))
        return true;
    return QDate::fromString(QString::fromUtf8(s), u"yyyy-MM-dd"_s).isValid();
}

bool isDateTime(QByteArrayView s)
{
    // The rule reads the text as local time (QDateTime::fromString with a format): where the zone has
    // daylight saving a time in its spring gap is refused, so the byte check stands in for it only in
    // a zone that never had any (UTC on servers; Asia/Shanghai had some until 1991).
    static const bool noDaylightSaving = !QTimeZone::systemTimeZone().hasDaylightTime();
    return (noDaylightSaving && Internal::isPlainDateTime(s)) || isDateTime(QString::fromUtf8(s));
}

} // namespace

const FieldSpec *EntitySpec::field(const QString &fieldName) const
{
    for (const FieldSpec &f : fields) {
        if (f.name == fieldName)
            return &f;
    }
    return nullptr;
}

QStringList EntitySpec::wireFieldNames() const
{
    QStringList names;
    for (const FieldSpec &f : fields) {
        if (!f.serverOnly)
            names.append(f.name);
    }
    return names;
}

const QList<EntitySpec> &EntityCatalog::entities()
{
    static const QList<EntitySpec> catalog = buildCatalog();
    return catalog;
}

const EntitySpec *EntityCatalog::find(const QString &name)
{
    for (const EntitySpec &e : entities()) {
        if (e.name == name)
            return &e;
    }
    return nullptr;
}

QStringList EntityCatalog::names()
{
    QStringList names;
    for (const EntitySpec &e : entities())
        names.append(e.name);
    return names;
}

bool EntityCatalog::validateFields(const EntitySpec &entity, const QJsonObject &fields, const QString &path,
                                   QString *error, bool requireAll)
{
    auto fail = [&](const FieldSpec *f, const QString &name, ValueProblem problem) {
        if (error)
            *error = problemMessage(f, problem, path.isEmpty() ? name : path + u'.' + name);
        return false;
    };
    for (auto it = fields.begin(); it != fields.end(); ++it) {
        const FieldSpec *f = entity.field(it.key());
        if (!f || f->serverOnly)
            return fail(nullptr, it.key(), ValueProblem::NotAField);
        const ValueProblem problem = checkJsonValue(*f, it.value());
        if (problem != ValueProblem::None)
            return fail(f, f->name, problem);
    }
    if (requireAll) {
        for (const FieldSpec &f : entity.fields) {
            if (f.required && !fields.contains(f.name)) {
                if (error)
                    *error = Internal::Tr::tr("The field %1 is missing.")
                                 .arg(path.isEmpty() ? f.name : path + u'.' + f.name);
                return false;
            }
        }
    }
    return true;
}

EntityCatalog::ValueProblem EntityCatalog::checkJsonValue(const FieldSpec &field, const QJsonValue &value)
{
    WireValue v;
    QByteArray utf8;
    switch (value.type()) {
    case QJsonValue::Null:
        v.kind = WireValue::Kind::Null;
        break;
    case QJsonValue::Bool:
        v.kind = WireValue::Kind::Bool;
        v.boolean = value.toBool();
        break;
    case QJsonValue::Double:
        v.kind = WireValue::Kind::Number;
        v.number = value.toDouble();
        break;
    case QJsonValue::String:
        v.kind = WireValue::Kind::String;
        utf8 = value.toString().toUtf8();
        v.utf8 = utf8;
        break;
    default:
        v.kind = WireValue::Kind::Other;
        break;
    }
    return checkValue(field, v);
}

EntityCatalog::ValueProblem EntityCatalog::checkValue(const FieldSpec &f, const WireValue &v)
{
    using K = WireValue::Kind;
    using P = ValueProblem;
    if (v.kind == K::Null)
        return f.nullable ? P::None : P::NotNullable;
    switch (f.type) {
    case T::Text:
    case T::Json: {
        if (v.kind != K::String)
            return P::NotString;
        if (f.required && Internal::isBlank(v.utf8))
            return P::Empty;
        if (f.maxLength > 0 && v.utf8.size() > f.maxLength && Internal::utf16Length(v.utf8) > f.maxLength)
            return P::TooLong;
        if (!f.allowed.isEmpty()) {
            const QUtf8StringView text(v.utf8.data(), v.utf8.size());
            if (std::none_of(f.allowed.begin(), f.allowed.end(),
                             [&](const QString &a) { return QAnyStringView::equal(text, a); }))
                return P::NotAllowed;
        }
        if (f.type == T::Json && !v.utf8.isEmpty()) {
            QJsonParseError parseError;
            QJsonDocument::fromJson(v.utf8.toByteArray(), &parseError);
            if (parseError.error != QJsonParseError::NoError)
                return P::NotJson;
        }
        return P::None;
    }
    case T::Integer: {
        if (v.kind != K::Number)
            return P::NotNumber;
        const double d = v.number;
        if (d != std::floor(d) || std::fabs(d) > MaxExactInteger)
            return P::NotWhole;
        if (d < double(f.minimum))
            return P::BelowMinimum;
        return P::None;
    }
    case T::Bool:
        return v.kind == K::Bool ? P::None : P::NotBool;
    case T::Date:
        return v.kind == K::String && isDate(v.utf8) ? P::None : P::NotDate;
    case T::DateTime:
        return v.kind == K::String && isDateTime(v.utf8) ? P::None : P::NotDateTime;
    case T::Id:
        return v.kind == K::String && Internal::isStoreUuid(v.utf8) ? P::None : P::NotUuid;
    }
    return P::None;
}

QString EntityCatalog::problemMessage(const FieldSpec *f, ValueProblem problem, const QString &path)
{
    using Internal::Tr;
    using P = ValueProblem;
    switch (problem) {
    case P::None:
        return QString();
    case P::NotAField:
        return Tr::tr("The field %1 is not a field of this entity.").arg(path);
    case P::NotNullable:
        return Tr::tr("The field %1 may not be null.").arg(path);
    case P::NotString:
        return Tr::tr("The field %1 must be a string.").arg(path);
    case P::Empty:
        return Tr::tr("The field %1 may not be empty.").arg(path);
    case P::TooLong:
        return Tr::tr("The field %1 is longer than %2 characters.")
            .arg(path, QString::number(f ? f->maxLength : 0));
    case P::NotAllowed:
        return Tr::tr("The field %1 must be one of: %2.").arg(path, f ? f->allowed.join(u", "_s) : QString());
    case P::NotJson:
        return Tr::tr("The field %1 must hold a JSON document.").arg(path);
    case P::NotNumber:
        return Tr::tr("The field %1 must be a number.").arg(path);
    case P::NotWhole:
        return Tr::tr("The field %1 must be a whole number.").arg(path);
    case P::BelowMinimum:
        return Tr::tr("The field %1 must be at least %2.").arg(path, QString::number(f ? f->minimum : 0));
    case P::NotBool:
        return Tr::tr("The field %1 must be true or false.").arg(path);
    case P::NotDate:
        return Tr::tr("The field %1 must be a date written yyyy-MM-dd.").arg(path);
    case P::NotDateTime:
        return Tr::tr("The field %1 must be a UTC time written yyyy-MM-ddTHH:mm:ss.zzzZ.").arg(path);
    case P::NotUuid:
        return Tr::tr("The field %1 must be a lower-case UUID without braces.").arg(path);
    }
    return QString();
}

QJsonValue EntityCatalog::toJson(const FieldSpec &field, const QVariant &stored)
{
    if (!stored.isValid() || stored.isNull()) {
        if (field.nullable)
            return QJsonValue(QJsonValue::Null);
        if (field.type == T::Integer)
            return QJsonValue(0);
        if (field.type == T::Bool)
            return QJsonValue(false);
        return QJsonValue(QString());
    }
    switch (field.type) {
    case T::Integer:
        return QJsonValue(stored.toLongLong());
    case T::Bool:
        return QJsonValue(stored.toLongLong() != 0);
    default:
        return QJsonValue(stored.toString());
    }
}

QVariant EntityCatalog::toStored(const FieldSpec &field, const QJsonValue &value)
{
    if (value.isNull() || value.isUndefined())
        return QVariant(QMetaType::fromType<QString>());
    switch (field.type) {
    case T::Integer:
        return QVariant(qint64(value.toDouble()));
    case T::Bool:
        return QVariant(qint64(value.toBool() ? 1 : 0));
    default:
        return QVariant(value.toString());
    }
}

} // namespace XinDai::Sync
