import { describe, expect, it } from 'vitest';
import { parseScopePickerProps } from './picker-props.ts';

const KNOWN = ['GET /api/v2/clients', 'GET /api/v2/client-grants'];

describe('parseScopePickerProps', () => {
  it('fills in the defaults', () => {
    expect(parseScopePickerProps({}, 'lesson.mdx', KNOWN)).toEqual({ title: 'Least-privilege scope picker', preselect: [] });
  });

  it('accepts known endpoints to preselect', () => {
    expect(parseScopePickerProps({ preselect: ['GET /api/v2/clients'] }, 'lesson.mdx', KNOWN).preselect).toEqual(['GET /api/v2/clients']);
  });

  it('names the lesson and the unknown endpoint when a preselect is misspelt', () => {
    expect(() => parseScopePickerProps({ preselect: ['GET /api/v2/client'] }, 'content/x.mdx', KNOWN)).toThrow(/content\/x\.mdx.*"GET \/api\/v2\/client"/);
  });

  it('names the prop when a title is empty', () => {
    expect(() => parseScopePickerProps({ title: '' }, 'content/x.mdx', KNOWN)).toThrow(/title/);
  });
});
