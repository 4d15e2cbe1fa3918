export * from './falPrices';
export * from './priceFinishedRequest';
export * from './estimateRequest';
export * from './formatCents';
export * from './quoteSizes';
