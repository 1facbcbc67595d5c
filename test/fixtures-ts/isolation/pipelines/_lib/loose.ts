// @ts-nocheck
export const retries = 'three';
