import { mediaPaths, serveMedia } from '../../features/media/media-route';

export const getStaticPaths = () => mediaPaths('jpg');
export const GET = serveMedia;
