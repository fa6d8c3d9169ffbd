import { categoryNamesRepository } from './category-names-repository';

/** The tenant's active categories: id → Chinese name (what other modules label a category id with). */
export const activeCategoryNames = categoryNamesRepository.activeCategoryNames;
