import { evidenceProblem, extensionOf } from './evidence-types.js';

describe('evidence file types', () => {
  const pdf = Buffer.from('%PDF-1.7\n...');
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  it('accepts a PDF or PNG whose bytes match its name, whatever the case of the extension', () => {
    expect(evidenceProblem('绿色工厂认定文件.PDF', pdf)).toBeNull();
    expect(evidenceProblem('现场照片.png', png)).toBeNull();
  });

  it('refuses an executable or a file without extension, naming what can be uploaded', () => {
    expect(evidenceProblem('tool.exe', Buffer.from('MZ'))).toContain('不支持的文件类型“.exe”');
    expect(evidenceProblem('README', pdf)).toContain('无扩展名');
  });

  it('refuses a file whose content is not what its name says', () => {
    expect(evidenceProblem('照片.jpg', pdf)).toBe('文件内容与扩展名“.jpg”不符');
  });

  it('refuses an empty file', () => {
    expect(evidenceProblem('空.pdf', Buffer.alloc(0))).toBe('文件是空的');
  });

  it('reads the extension of Chinese file names', () => {
    expect(extensionOf('江津区2023年进展.docx')).toBe('.docx');
  });
});
