#include "sync/pullpage.h"

#include "security/crypto.h"
#include "sync/canonicaljson.h"
#include "sync/jsonreader_p.h"
#include "sync/pagebuilder.h"
#include "sync/synctr_p.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <vector>

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
    PageBuilder builder;
    builder.reserve(rows.size(), 320);
    std::vector<std::pair<QByteArray, QString>> keys; // fields in code-point (UTF-8 byte) order
    for (const Row &row : rows) {
        builder.beginRow(row.entity, row.deleted);
        keys.clear();
        for (auto it = row.fields.begin(); it != row.fields.end(); ++it)
            keys.emplace_back(PageBuilder::key(it.key()), it.key());
        std::sort(keys.begin(), keys.end());
        for (const auto &[key, name] : keys)
            builder.valueField(key, row.fields.value(name));
        builder.endRow(row.id, row.version, Internal::formatTimestamp(row.updatedAt));
    }
    return builder.canonical(hasMore, nextCursor);
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
