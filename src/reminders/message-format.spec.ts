import { escapeHtml, formatDate, oneLine } from './message-format.js';

describe('message text helpers', () => {
  it('puts text from spreadsheet cells on one line, whatever whitespace it holds', () => {
    expect(oneLine('推进源头减量，建立管理台账')).toBe('推进源头减量，建立管理台账');
    expect(oneLine('区生态环境局 区经济信息委')).toBe('区生态环境局 区经济信息委');
    expect(oneLine('区生态环境局\n区经济信息委')).toBe('区生态环境局 区经济信息委');
    expect(oneLine('区生态环境局\u3000\u3000区经济信息委')).toBe('区生态环境局 区经济信息委');
    expect(oneLine('区生态环境局\t区经济信息委')).toBe('区生态环境局 区经济信息委');
    expect(oneLine('区生态环境局  区经济信息委')).toBe('区生态环境局 区经济信息委');
    expect(oneLine(' 2025年底前 ')).toBe('2025年底前');
    expect(oneLine('2025年底前\r\n')).toBe('2025年底前');
    expect(oneLine('')).toBe('');
  });

  it('escapes what HTML would read as markup, and leaves other text as it is', () => {
    expect(escapeHtml('第11项任务：建立健全管理台账')).toBe('第11项任务：建立健全管理台账');
    expect(escapeHtml(`<b>"A&B"</b> 'x'`)).toBe('&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; &#39;x&#39;');
  });

  it('writes dates as Chinese readers do, the same each time it is asked, and anything else as it is', () => {
    expect(formatDate('2025-12-31')).toBe('2025年12月31日');
    expect(formatDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatDate('2026-01-05')).toBe('2026年1月5日');
    expect(formatDate('2025年底前')).toBe('2025年底前');
    expect(formatDate('2025-1-5')).toBe('2025-1-5');
  });
});
