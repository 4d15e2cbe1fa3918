export * from './profileSchema';
export * from './profileValidation';
export * from './builtinProfiles';
export * from './profileNames';
export * from './profileTransfer';
export * from './profileStore';
export * from './profilesFile';
