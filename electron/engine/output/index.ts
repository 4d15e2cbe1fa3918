export * from './outputFormat';
export * from './namingTemplate';
export * from './sanitizeSegment';
export * from './outputPath';
export * from './writeOutputFile';
