// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "documents/documentprocessor.h"

#include <memory>
#include <vector>

// The processors of every entity type the shop store keeps, built with the options of the moment. Immutable once
// built: the worker swaps in a new registry when its settings change, while writer jobs keep the one they began with.
class DocumentProcessors final
{
public:
    struct Options
    {
        bool importOrders = false; // customerorder events may bring new orders into the store
        // The types the exchange settings ask for (HookCatalog::watchedTypes); empty: every type. Events of the
        // others are skipped (DocumentProcessor::isWatched).
        QStringList watchedTypes = {};
    };

    explicit DocumentProcessors(Options options);

    // nullptr: the store does not keep documents of this type.
    const DocumentProcessor *processorFor(const QString &entityType) const;
    QStringList entityTypes() const;
    const Options &options() const { return m_options; }

private:
    Options m_options;
    std::vector<std::unique_ptr<const DocumentProcessor>> m_processors;
};
