import { defineTest } from 'dagsmith';

export const test = defineTest({ pipeline: 'landing', date: '2026-03-01' });
