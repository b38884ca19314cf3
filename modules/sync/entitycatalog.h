#pragma once

#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QString>
#include <QStringList>

namespace XinDai::Sync {

/// The synced entities and their fields, shared by xindai-server (DDL checks, push validation, RBAC
/// scope) and the desktop client (applying pulled rows to the local store). Column names are the
/// store's (modules/store/migrations); every entity also has the meta columns id, version,
/// updated_at and deleted, which travel outside "fields" (Sync::Row).
struct FieldSpec
{
    enum class Type {
        Text,     ///< JSON string
        Integer,  ///< JSON number without fraction (money in fen, counts, basis points)
        Bool,     ///< JSON true/false, stored 0/1
        Date,     ///< JSON string yyyy-MM-dd, or null when nullable
        DateTime, ///< JSON string yyyy-MM-ddTHH:mm:ss[.zzz]Z, or null when nullable
        Json,     ///< JSON string holding a JSON document (arrays of codes, rules), stored as text
        Id,       ///< JSON string holding a store UUID (a reference), or null when nullable
    };

    QString name;
    Type type = Type::Text;
    bool nullable = false;   ///< JSON null accepted (stored as SQL NULL)
    bool required = false;   ///< a new row must carry it (NOT NULL without a default in the schema)
    QString references;      ///< entity an Id field points to ("" = none)
    QStringList allowed;     ///< allowed values of a Text field ("" list = any)
    qint64 minimum = 0;      ///< lower bound of an Integer field
    int maxLength = 0;       ///< upper bound on a Text field's length in characters (0 = none)
    bool serverOnly = false; ///< never sent to clients and never accepted from them (password hashes)
};

struct EntitySpec
{
    /// Who may see a row (docs/sync-protocol.md, "Scope"), evaluated by the server on every pull.
    enum class Scope {
        Reference,   ///< everybody (parks, institutions, products, policies, reference documents)
        Firm,        ///< the enterprise row itself: its park's staff; banks only under an authorization
        FirmRecord,  ///< a row with enterprise_id: same visibility as that firm
        Application, ///< its park's staff; the institution it is addressed to (never drafts); admin
        User,        ///< admin; every user sees their own row
    };

    QString name;
    Scope scope = Scope::Reference;
    QList<FieldSpec> fields;
    QStringList naturalKey; ///< fields that identify a row besides id (monthly_value: firm, kind, month)
    QStringList pushRoles;  ///< role codes allowed to push upserts/deletes of this entity

    const FieldSpec *field(const QString &name) const;
    /// Fields a client may send and receive (all but serverOnly).
    QStringList wireFieldNames() const;
};

/// One value of a "fields" object as a reader sees it, before it is typed: what
/// EntityCatalog::checkValue() needs, whether it comes from a QJsonValue or straight from the bytes
/// of a page (Sync::CompactPage).
struct WireValue
{
    enum class Kind {
        Null,
        Bool,
        Number,
        String,
        Other, ///< an array or an object
    };
    Kind kind = Kind::Null;
    bool boolean = false; ///< Bool
    double number = 0;    ///< Number (JSON numbers are doubles)
    QByteArrayView utf8;  ///< String: the text in UTF-8, escapes resolved
};

class EntityCatalog
{
public:
    /// Every synced entity, parents before children (the order a first sync applies them in).
    static const QList<EntitySpec> &entities();
    static const EntitySpec *find(const QString &name);
    static QStringList names();

    /// Strict check of a pushed or pulled "fields" object of \a entity: unknown and server-only keys,
    /// types, nullability, enumerations, bounds and lengths. On failure returns false and writes one
    /// translated sentence naming \a path + "." + the field into *error. With \a requireAll every
    /// non-nullable field without a default must be present (a new row).
    static bool validateFields(const EntitySpec &entity, const QJsonObject &fields, const QString &path,
                               QString *error, bool requireAll = false);

    /// What is wrong with one field value (EntityCatalog::checkValue), None when nothing is.
    enum class ValueProblem {
        None,
        NotAField,    ///< the key is no (client-visible) field of the entity
        NotNullable,  ///< null for a field that may not be null
        NotString,    ///< Text or Json field: not a string
        Empty,        ///< a required Text field holding only white space
        TooLong,      ///< longer than maxLength UTF-16 code units
        NotAllowed,   ///< not one of the field's allowed values
        NotJson,      ///< a Json field whose text is no JSON document
        NotNumber,    ///< Integer field: not a number
        NotWhole,     ///< Integer field: a fraction, or beyond 2^53
        BelowMinimum, ///< Integer field: below the field's minimum
        NotBool,      ///< Bool field: not true or false
        NotDate,      ///< Date field: not a string yyyy-MM-dd naming a real day
        NotDateTime,  ///< DateTime field: not yyyy-MM-ddTHH:mm:ss[.zzz]Z
        NotUuid,      ///< Id field: not a lower-case UUID without braces
    };
    /// The per-value rules of validateFields() for one present value of \a field: type,
    /// nullability, enumeration, bounds and length. The one definition of those rules.
    static ValueProblem checkValue(const FieldSpec &field, const WireValue &value);
    /// The translated sentence for \a problem of the value at \a path (the field's full path);
    /// \a field may be null for NotAField.
    static QString problemMessage(const FieldSpec *field, ValueProblem problem, const QString &path);
    /// checkValue() for a QJsonValue (validateFields() uses it for every value).
    static ValueProblem checkJsonValue(const FieldSpec &field, const QJsonValue &value);

    /// The JSON value of a stored column value (QVariant from QtSql or the SQLite C API) for \a field.
    static QJsonValue toJson(const FieldSpec &field, const QVariant &stored);
    /// The value to bind for a JSON field value (assumed validated).
    static QVariant toStored(const FieldSpec &field, const QJsonValue &value);
};

} // namespace XinDai::Sync
