import { defineTest } from 'dagsmith';

export default defineTest({ pipeline: 'landing', date: '2026-03-01' });
