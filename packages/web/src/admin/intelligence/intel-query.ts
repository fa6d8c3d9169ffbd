/** The classifiers' models and settings in the query cache: the intelligence page reads them, training (there or after an import) replaces them. */
export const INTEL_MODELS = ['intelligence', 'models'] as const;
