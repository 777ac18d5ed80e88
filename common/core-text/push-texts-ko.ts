/** Linux push-install readiness in Korean (see push-texts.ts); typed by the English codes. */
import type { TextTemplates } from './coded-text';
import type { PushTextCode } from './push-texts';

export const pushTextsKo: TextTemplates<PushTextCode> = {
  'push.sshd.label': '포트 22의 SSH 서버',
  'push.sshd.notInstalled': '/etc/ssh/sshd_config가 없습니다. OpenSSH 서버가 설치되어 있지 않습니다.',
  'push.sshd.running': 'sshd가 실행 중이며 포트 {{ports}}에서 수신 대기합니다.',
  'push.sshd.notRunning': 'sshd가 실행 중인 것으로 보이지 않습니다(수신 대기 포트 {{ports}}).',
  'push.sshd.install': 'openssh-server를 설치하고 시작하세요(systemctl enable --now sshd).',
  'push.sshd.start':
    '포트 22에서 sshd를 시작하세요: systemctl enable --now sshd(/etc/ssh/sshd_config에 Port 22도 설정).',
  'push.sftp.label': 'SFTP 하위 시스템',
  'push.sftp.found': 'sftp 하위 시스템: {{server}}',
  'push.sftp.missing': 'sshd_config에 "Subsystem sftp" 줄이 없습니다.',
  'push.sftp.add':
    '/etc/ssh/sshd_config에 "Subsystem sftp /usr/lib/openssh/sftp-server"(RHEL: /usr/libexec/openssh/sftp-server)를 ' +
    '추가한 다음 systemctl reload sshd를 실행하세요.',
  'push.password.label': '암호 인증',
  'push.password.default': 'PasswordAuthentication이 설정되지 않았습니다(OpenSSH 기본값: yes).',
  'push.password.set': 'PasswordAuthentication 값: {{value}}.',
  'push.password.allow':
    '/etc/ssh/sshd_config에 "PasswordAuthentication yes"를 설정하고(푸시 설치는 계정 암호로 로그인합니다) ' +
    'systemctl reload sshd를 실행하세요.',
  'push.hosts.label': '/etc/hosts의 호스트 이름',
  'push.hosts.noHostname': '/etc/hostname이 없습니다.',
  'push.hosts.mapped': '{{name}}이(가) /etc/hosts에 매핑되어 있습니다.',
  'push.hosts.missing': '{{name}}이(가) /etc/hosts에 없습니다.',
  'push.hosts.add': '/etc/hosts에 "<이 컴퓨터의 IP 주소> {{name}}" 줄을 추가하세요.',
};
