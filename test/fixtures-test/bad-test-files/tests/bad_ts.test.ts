import { defineTest } from 'dagsmith';

export default defineTest({ pipeline: 'landing', date: 20260301 });
