import fs from 'node:fs';
import path from 'node:path';
import { tempDir } from './temp-knowledge.js';

export const FDA_DIR = path.resolve(import.meta.dirname, '../../../shared/eval-data/fda-labels');
export const hasFdaLabels = () => fs.existsSync(path.join(FDA_DIR, 'humira_adalimumab_spl_extracted.txt'));

interface LabelSpec {
  slug: string;
  source: string;
  target: string;
  card: string;
  title: string;
  code: string;
}

const LABELS: LabelSpec[] = [
  {
    slug: 'lipitor',
    source: 'lipitor_atorvastatin_rendered_from_spl_en.pdf',
    target: 'lipitor-prescribing-information.pdf',
    title: 'LIPITOR Prescribing Information',
    code: 'FDA-2014-0113',
    card: 'name: Lipitor\naliases: [atorvastatin, atorvastatin calcium, 立普妥, 阿托伐他汀]\ncompetitors: [Crestor, rosuvastatin]\n',
  },
  {
    slug: 'humira',
    source: 'humira_adalimumab_spl_extracted.txt',
    target: 'humira-prescribing-information.md',
    title: 'HUMIRA Prescribing Information',
    code: 'FDA-2013-0930',
    card: 'name: Humira\naliases: [adalimumab, 修美乐, 阿达木单抗]\n',
  },
  {
    slug: 'viagra',
    source: 'viagra_sildenafil_spl_extracted.txt',
    target: 'viagra-prescribing-information.md',
    title: 'VIAGRA Prescribing Information',
    code: 'FDA-2017-1107',
    card: 'name: Viagra\naliases: [sildenafil, sildenafil citrate, 万艾可, 西地那非, 伟哥]\n',
  },
];

/**
 * A knowledge folder holding copies of the real FDA labels (Lipitor as its PDF, Humira and
 * Viagra as their extracted text with markdown headings), each with approval sidecar metadata.
 * `copies` > 1 repeats each label under other product names, to build large indexes.
 */
export function writeFdaKnowledge(copies = 1, root = tempDir('repbot-fda-')): string {
  for (let c = 0; c < copies; c++) {
    for (const label of LABELS) {
      const slug = c === 0 ? label.slug : `${label.slug}-copy-${String(c).padStart(3, '0')}`;
      const dir = path.join(root, slug);
      fs.mkdirSync(dir, { recursive: true });
      const card = c === 0 ? label.card : `name: ${slug}\n`;
      fs.writeFileSync(path.join(dir, 'product.yaml'), card);
      const target = path.join(dir, label.target);
      fs.copyFileSync(path.join(FDA_DIR, label.source), target);
      fs.writeFileSync(
        `${target}.meta.yaml`,
        [
          `title: ${label.title}${c === 0 ? '' : ` (copy ${c})`}`,
          'docType: label',
          `approvalCode: ${label.code}-${c}`,
          'status: approved',
          'approvedOn: 2025-01-10',
          'expiresOn: 2099-01-10',
          'audience: hcp',
          'language: en',
          '',
        ].join('\n'),
      );
    }
  }
  return root;
}
