// SPDX-License-Identifier: GPL-3.0-or-later
#include "documentprocessors.h"

#include "documents/orderprocessor.h"
#include "documents/paymentprocessor.h"
#include "documents/shipmentprocessor.h"

DocumentProcessors::DocumentProcessors(Options options)
    : m_options(options)
{
    std::vector<std::unique_ptr<DocumentProcessor>> processors;
    processors.push_back(std::make_unique<OrderProcessor>(options.importOrders));
    processors.push_back(std::make_unique<PaymentProcessor>(QStringLiteral("paymentin")));
    processors.push_back(std::make_unique<PaymentProcessor>(QStringLiteral("cashin")));
    processors.push_back(std::make_unique<ShipmentProcessor>());
    for (auto &processor : processors) {
        processor->setWatched(options.watchedTypes.isEmpty() || options.watchedTypes.contains(processor->entityType()));
        m_processors.push_back(std::move(processor));
    }
}

const DocumentProcessor *DocumentProcessors::processorFor(const QString &entityType) const
{
    for (const auto &processor : m_processors) {
        if (processor->entityType() == entityType)
            return processor.get();
    }
    return nullptr;
}

QStringList DocumentProcessors::entityTypes() const
{
    QStringList types;
    for (const auto &processor : m_processors)
        types.append(processor->entityType());
    return types;
}
