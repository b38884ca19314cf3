#pragma once

#include "core/domain/dataset.h"

#include <QDate>

namespace XinDai::Demo::Internal {

/// Builds the reference part of the demo dataset: parks, institutions, products, policies, users.
/// Everything but password hashes is a pure function of (seed, asOf).
class ReferenceBuilder
{
public:
    ReferenceBuilder(quint32 seed, QDate asOf);

    QVector<Core::Park> parks() const;
    QVector<Core::Institution> institutions() const;
    QVector<Core::FinancingProduct> products() const;
    QVector<Core::Policy> policies() const;
    /// Users for every role; each hashed once with \a iterations PBKDF2 rounds (0 = leave the hash empty).
    QVector<Core::User> users(const QString &password, int iterations) const;

    QString parkId(int index) const;
    QString institutionId(int index) const;
    QString productId(int index) const;
    QString adminUserId() const;
    QString windowUserId(int parkIndex) const;
    /// Number of products products() returns, and the institution index of product \a index.
    static int productCount();
    static int productInstitution(int index);
    static Core::Money productMin(int index);
    static Core::Money productMax(int index);
    static int productMinTerm(int index);
    static int productMaxTerm(int index);
    static int productRateMin(int index);
    static int productRateMax(int index);
    static QStringList productDocuments(int index);
    static QString productCollateral(int index);

private:
    Core::SyncMeta meta(quint32 tag, quint64 index) const;

    quint32 m_seed;
    QDate m_asOf;
};

} // namespace XinDai::Demo::Internal
