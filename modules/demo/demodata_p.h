#pragma once

// Static Hunan reference tables used by the demo generator (data, not translated strings).

#include <QDate>
#include <QString>
#include <QStringList>
#include <QVector>

namespace XinDai::Demo::Internal {

/// Entity tags mixed into derived UUIDs, so ids of different tables never coincide.
enum EntityTag : quint32 {
    TagPark = 1,
    TagInstitution,
    TagProduct,
    TagPolicy,
    TagUser,
    TagEnterprise = 10,
    TagSeries,
    TagRecord,
    TagAuthorization,
    TagApplication,
    TagDocument,
};

struct County
{
    const char16_t *code;      ///< GB/T 2260
    const char16_t *name;      ///< e.g. 岳麓区
    const char16_t *city;      ///< e.g. 长沙市
    const char16_t *cityShort; ///< e.g. 长沙, used in firm names
    const char16_t *areaCode;  ///< telephone area code
    int outsideWeight;         ///< weight for firms outside any park
};

struct ParkSpec
{
    const char16_t *code;
    const char16_t *name;
    const char16_t *regionCode;
    const char16_t *level;
    const char16_t *loginSuffix; ///< demo logins window.<suffix>, manager.<suffix>
    const char16_t *roads;       ///< '|'-separated street names inside the park
    int weight;                  ///< share of the firms (per mille of park firms)
};

struct InstitutionSpec
{
    const char16_t *code;
    const char16_t *name;
    int type; ///< Core::Institution::Type
    const char16_t *regionCode;
    const char16_t *officerLogin; ///< bank.<x> demo login, null when none
    const char16_t *officerName;
};

/// Size bands consistent with 工信部联企业〔2011〕300号 for one scheme; index 0 micro … 3 large.
struct SizeBand
{
    int empLo, empHi;
    int revLoWan, revHiWan;
    int assetLoWan, assetHiWan; ///< 0 = derived from revenue
};

struct IndustrySpec
{
    const char16_t *code;  ///< GB/T 4754-2017 section letter + division
    const char16_t *words; ///< '|'-separated name words
    int companyWeight;
    int individualWeight;
    int scheme;                         ///< index into sizeBands()
    int kwhPerWan;                      ///< electricity per 万元 revenue
    int taxPermille;                    ///< taxes paid per revenue
    const char16_t *individualSuffixes; ///< '|'-separated 个体 name endings, null when not used
};

const QVector<County> &counties();
const County *county(const QString &code);
const QVector<ParkSpec> &parks();
const QVector<InstitutionSpec> &institutions();
const QVector<IndustrySpec> &industries();
/// 4 bands (micro, small, medium, large) for \a scheme.
const SizeBand *sizeBands(int scheme);
const QString &tradeNameChars(); ///< distinct characters for 字号
const QStringList &surnames();
const QString &givenNameChars();
const QStringList &genericRoads();
/// 春节 (Spring Festival) day of \a year, invalid outside 2015–2035.
QDate springFestival(int year);

/// Splits a '|'-separated table cell.
QStringList cell(const char16_t *text);

} // namespace XinDai::Demo::Internal
