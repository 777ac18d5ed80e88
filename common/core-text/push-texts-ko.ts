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
  'push.win.firewall.label': '방화벽에서 {{group}} 허용',
  'push.win.firewall.noList': '`netsh advfirewall firewall show rule`이(가) 목록을 주지 않았습니다.',
  'push.win.firewall.noGroup':
    'netsh가 "{{group}}" 그룹의 인바운드 규칙을 하나도 나열하지 않았습니다(다른 표시 언어에서는 이름이 다릅니다).',
  'push.win.firewall.allDisabled': '이 그룹의 인바운드 규칙 {{count}}개가 모두 사용하지 않도록 설정되어 있습니다.',
  'push.win.firewall.someDisabled':
    '이 그룹의 인바운드 규칙 {{count}}개 중 {{disabled}}개가 사용하지 않도록 설정되어 있습니다: {{names}}.',
  'push.win.firewall.allEnabled':
    '이 그룹의 인바운드 규칙 {{count}}개가 모두 {{profiles}} 사용하도록 설정되어 있습니다.',
  'push.win.profiles.every': '모든 네트워크 프로필에서',
  'push.win.profiles.only':
    '{{profiles}} 프로필에서만(구성 서버가 이런 네트워크를 통해 이 컴퓨터에 연결할 수 있어야 합니다)',
  'push.win.tokenFilter.label': '로컬 계정의 LocalAccountTokenFilterPolicy',
  'push.win.tokenFilter.unreadable': '레지스트리 키를 읽을 수 없습니다.',
  'push.win.tokenFilter.set': 'LocalAccountTokenFilterPolicy가 1입니다.',
  'push.win.tokenFilter.uacOff': 'UAC가 꺼져 있습니다(EnableLUA 0). 로컬 계정은 필터링되지 않습니다.',
  'push.win.tokenFilter.filtered':
    'LocalAccountTokenFilterPolicy가 {{value}}입니다. 로컬 관리자 계정은 네트워크에서 필터링됩니다(도메인 계정은 ' +
    '필터링되지 않음).',
  'push.win.tokenFilter.notSet':
    'LocalAccountTokenFilterPolicy가 설정되어 있지 않습니다. 로컬 관리자 계정은 네트워크에서 필터링됩니다(도메인 ' +
    '계정은 필터링되지 않음).',
  'push.win.word.and': '{{first}} 및 {{second}}',
  'push.win.word.andMore': '{{names}} 외 {{more}}개',
};
