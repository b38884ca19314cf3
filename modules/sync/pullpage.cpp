#include "sync/pullpage.h"

#include "security/crypto.h"
#include "sync/canonicaljson.h"
#include "sync/jsonreader_p.h"
#include "sync/synctr_p.h"

#include <QJsonArray>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace XinDai::Sync {

namespace {

QJsonObject unsealedJson(const PullPage &page)
{
    QJsonArray rows;
    for (const Row &row : page.rows)
        rows.append(row.toJson());
    return {{u"rows"_s, rows}, {u"nextCursor"_s, page.nextCursor}, {u"hasMore"_s, page.hasMore}};
}

} // namespace

QJsonObject PullPage::toJson() const
{
    QJsonObject o = unsealedJson(*this);
    o.insert(u"checksum"_s, checksum);
    return o;
}

std::optional<PullPage> PullPage::fromJson(const QJsonObject &json, QString *error)
{
    using Internal::Tr;
    Internal::JsonReader r(json, QString(), error);
    PullPage page;
    QJsonArray list;
    r.onlyKeys({u"rows"_s, u"nextCursor"_s, u"hasMore"_s, u"checksum"_s});
    r.array(u"rows"_s, &list);
    r.integer(u"nextCursor"_s, 0, Q_INT64_C(9007199254740992), &page.nextCursor);
    r.boolean(u"hasMore"_s, &page.hasMore);
    static const QRegularExpression hex64(u"^[0-9a-f]{64}$"_s);
    if (r.string(u"checksum"_s, &page.checksum) && !hex64.match(page.checksum).hasMatch())
        r.fail(u"checksum"_s, Tr::tr("The field %1 must be 64 lower-case hexadecimal digits."));
    if (!r.ok())
        return std::nullopt;
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QString path = Internal::elementPath(u"rows"_s, i);
        if (!list.at(i).isObject()) {
            Internal::failNotObject(u"rows"_s, i, error);
            return std::nullopt;
        }
        const auto row = Row::fromJson(list.at(i).toObject(), path, error);
        if (!row)
            return std::nullopt;
        if (!page.rows.isEmpty() && row->version <= page.rows.constLast().version) {
            if (error)
                *error = Tr::tr("The field %1 must be greater than the previous row's version.")
                             .arg(path + u".version"_s);
            return std::nullopt;
        }
        page.rows.append(*row);
    }
    if (!page.rows.isEmpty() && page.nextCursor < page.rows.constLast().version) {
        if (error)
            *error = Tr::tr("The field nextCursor must not be smaller than the last row's version.");
        return std::nullopt;
    }
    return page;
}

QByteArray PullPage::canonicalBytes() const
{
    QByteArray out;
    out.reserve(64 + rows.size() * 320);
    out.append("{\"hasMore\":");
    out.append(hasMore ? "true" : "false");
    out.append(",\"nextCursor\":");
    out.append(QByteArray::number(nextCursor));
    out.append(",\"rows\":[");
    for (qsizetype i = 0; i < rows.size(); ++i) {
        const Row &row = rows.at(i);
        if (i)
            out.append(',');
        // Row keys in code-point order: deleted, entity, fields, id, updatedAt, version.
        out.append("{\"deleted\":");
        out.append(row.deleted ? "true" : "false");
        out.append(",\"entity\":");
        CanonicalJson::appendString(row.entity, out);
        out.append(",\"fields\":");
        CanonicalJson::append(row.fields, out);
        out.append(",\"id\":");
        CanonicalJson::appendString(row.id, out);
        out.append(",\"updatedAt\":");
        CanonicalJson::appendString(Internal::formatTimestamp(row.updatedAt), out);
        out.append(",\"version\":");
        out.append(QByteArray::number(row.version));
        out.append('}');
    }
    out.append("]}");
    return out;
}

QByteArray PullPage::toWireJson() const
{
    const QByteArray canonical = canonicalBytes();
    QByteArray out;
    out.reserve(canonical.size() + 80);
    out.append("{\"checksum\":");
    CanonicalJson::appendString(checksum, out);
    out.append(',');
    out.append(canonical.constData() + 1, canonical.size() - 1);
    return out;
}

QString PullPage::computeChecksum() const
{
    return Security::Crypto::sha256Hex(canonicalBytes());
}

void PullPage::seal()
{
    checksum = computeChecksum();
}

bool PullPage::verify(QString *error) const
{
    if (checksum == computeChecksum())
        return true;
    if (error)
        *error = Internal::Tr::tr("The page's checksum does not match its rows: the page was changed or "
                                  "truncated in transit and must be requested again.");
    return false;
}

} // namespace XinDai::Sync
