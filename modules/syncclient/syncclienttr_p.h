#pragma once

#include <QCoreApplication>

namespace XinDai::SyncClient::Internal {

/// Translation context of the sync client's user-visible messages (English source, zh_CN via .ts).
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(XinDai::SyncClient)
};

} // namespace XinDai::SyncClient::Internal
