import { plainTextProblem } from './plain-text.js';
import { loggableUrl } from './security.js';

describe('plainTextProblem', () => {
  it('passes ordinary Chinese and ASCII text, full-width spaces and punctuation included', () => {
    expect(plainTextProblem('区生态环境局（江津）　2025年底前，完成3个')).toBeNull();
  });

  it('names the first control character by its code point', () => {
    expect(plainTextProblem('a\u0000b')).toBe('含有控制字符 U+0000');
    expect(plainTextProblem('a\rb')).toBe('含有控制字符 U+000D');
    expect(plainTextProblem('a\u007Fb')).toBe('含有控制字符 U+007F');
    expect(plainTextProblem('a\u0085b')).toBe('含有控制字符 U+0085');
  });

  it('names zero-width and bidirectional characters', () => {
    expect(plainTextProblem('a\u200Bb')).toBe('含有不可见字符 U+200B（零宽空格）');
    expect(plainTextProblem('a\u202Eb')).toBe('含有不可见字符 U+202E（从右至左强制符）');
    expect(plainTextProblem('a\u2069b')).toBe('含有不可见字符 U+2069（方向隔离结束符）');
    expect(plainTextProblem('\uFEFFab')).toBe('含有不可见字符 U+FEFF（零宽不换行空格（BOM））');
  });

  it('lets multi-line text keep line feeds, tabs and CR LF pairs, but not a lone CR', () => {
    expect(plainTextProblem('一、\n\t1.\r\n2.', true)).toBeNull();
    expect(plainTextProblem('一、\n', false)).toBe('含有控制字符 U+000A');
    expect(plainTextProblem('一\r二', true)).toBe('含有控制字符 U+000D');
    expect(plainTextProblem('一\n\u202E二', true)).toBe('含有不可见字符 U+202E（从右至左强制符）');
  });
});

describe('loggableUrl', () => {
  it('hides the values of secret-looking query parameters and keeps the rest', () => {
    expect(loggableUrl('/api/v1/plans/2/tasks?limit=1&access_token=qd_abc&format=html')).toBe(
      '/api/v1/plans/2/tasks?limit=1&access_token=[已隐藏]&format=html',
    );
    expect(loggableUrl('/x?Password=p&api%5Fkey=k&q=1')).toBe('/x?Password=[已隐藏]&api%5Fkey=[已隐藏]&q=1');
    expect(loggableUrl('/api/v1/health')).toBe('/api/v1/health');
  });
});
